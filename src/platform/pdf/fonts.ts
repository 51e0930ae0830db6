// Locates the DejaVu Sans TrueType files shipped by the `dejavu-fonts-ttf` package. Resolved through
// Node's module resolution (not a fixed path) so it works from the repository, a container image
// or a hoisted node_modules alike. We never fall back to pdfkit's built-in Helvetica: its
// WinAnsi encoding cannot print ł, ş or €-style text from all of our languages.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontFiles {
  regular: string;
  bold: string;
}

let cached: FontFiles | undefined;

export function dejaVuSansFiles(): FontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const ttfDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const files: FontFiles = {
    regular: join(ttfDir, 'DejaVuSans.ttf'),
    bold: join(ttfDir, 'DejaVuSans-Bold.ttf'),
  };
  for (const file of Object.values(files)) {
    // Fail at the first render with a clear message rather than deep inside fontkit.
    if (!existsSync(file)) throw new Error(`PDF font missing: ${file} (is dejavu-fonts-ttf installed?)`);
  }
  cached = files;
  return files;
}
