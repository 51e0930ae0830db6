// The page shell: skip link, landmarks, navigation drawn for the actor's roles, language switch.
// Works without JavaScript; the one module script only enhances.
import type { Child } from 'hono/jsx';
import { localeInfo, locales } from '../platform/i18n/translator.ts';
import { CsrfField } from './components.tsx';
import { useLocale, useT, useView } from './i18n.ts';

export const assetPaths = { css: '/assets/app.css', js: '/assets/app.js' };

export function Layout({ title, children }: { title: string; children: Child }) {
  const t = useT();
  const view = useView();
  const locale = useLocale();
  const info = localeInfo[locale];
  const siteName = view.pact ? view.pact.name : t('app.name');
  return (
    <html lang={info.tag} dir={info.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === siteName ? title : `${title} · ${siteName}`}</title>
        <link rel="stylesheet" href={assetPaths.css} />
        <script type="module" src={assetPaths.js}></script>
      </head>
      <body class="sp-theme utrecht-document utrecht-document--surface">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
          {t('layout.skipLink')}
        </a>
        <header class="sp-header">
          <div class="sp-header__inner">
            <a class="sp-header__brand" href={view.pact ? `/p/${view.pact.slug}` : '/'}>
              <span class="sp-header__mark" aria-hidden="true">◆</span>
              <span>{siteName}</span>
            </a>
            <div class="sp-header__tools">
              <form method="get" action="/language" class="sp-language">
                <input type="hidden" name="next" value={view.path} />
                <label class="utrecht-form-label sp-visually-hidden" for="language-select">
                  {t('layout.languageSwitch')}
                </label>
                <select id="language-select" name="lang" class="utrecht-select utrecht-select--html-select" data-autosubmit="">
                  {locales.map((l) => (
                    <option value={l} lang={localeInfo[l].tag} selected={l === locale}>
                      {localeInfo[l].ownName}
                    </option>
                  ))}
                </select>
                <button type="submit" class="utrecht-button utrecht-button--secondary-action sp-language__go">
                  {t('layout.language')}
                </button>
              </form>
              {view.signedIn ? (
                <form method="post" action="/logout" class="sp-signout">
                  <CsrfField />
                  <span class="sp-signout__who">{t('layout.signedInAs', { name: view.displayName ?? '' })}</span>
                  <button type="submit" class="utrecht-button utrecht-button--subtle">
                    {t('layout.signOut')}
                  </button>
                </form>
              ) : (
                <a class="utrecht-link utrecht-link--html-a" href={`/login?next=${encodeURIComponent(view.path)}`}>
                  {t('layout.signIn')}
                </a>
              )}
            </div>
          </div>
          {view.nav.length > 0 ? (
            <nav class="sp-nav" aria-label={t('layout.mainNav')}>
              <ul class="sp-nav__list">
                {view.nav.map((item) => (
                  <li class="sp-nav__item">
                    <a class="sp-nav__link" href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="sp-main" tabindex={-1}>
          {children}
        </main>
        <footer class="sp-footer">
          <p class="utrecht-paragraph">{t('layout.footer')}</p>
        </footer>
      </body>
    </html>
  );
}
