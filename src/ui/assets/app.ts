// Progressive enhancement only: every page works without this file.
// The language menu submits itself on change (the button stays for keyboard and no-JS users).
for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-autosubmit]')) {
  select.addEventListener('change', () => select.form?.requestSubmit());
}

// Import progress: poll the job's JSON and update the progress bar and its status text; when the
// job leaves the reading phase, reload to show the report. Without JavaScript a link does this.
for (const box of document.querySelectorAll<HTMLElement>('[data-import-poll]')) {
  const url = box.dataset.importPoll;
  const template = box.dataset.progressTemplate ?? '{done} / {total}';
  const queued = box.dataset.queuedText ?? '';
  const bar = box.querySelector('progress');
  const text = box.querySelector<HTMLElement>('[role="status"]');
  if (!url) continue;
  const tick = async () => {
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) return;
      const job = (await response.json()) as { status: string; processedRows: number; totalRows: number };
      if (job.status !== 'staging') {
        window.location.reload();
        return;
      }
      // No rows counted yet: the file waits for the job worker (the bar stays indeterminate).
      const counted = job.totalRows > 0;
      if (bar && counted) {
        bar.max = job.totalRows;
        bar.value = job.processedRows;
      }
      const progress = template.replace('{done}', String(job.processedRows)).replace('{total}', String(job.totalRows));
      if (text) text.textContent = counted || !queued ? progress : queued;
    } catch {
      // A missed poll is retried on the next tick.
    }
    window.setTimeout(tick, 1500);
  };
  window.setTimeout(tick, 1000);
}
