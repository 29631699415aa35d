/**
 * The only sandbox code on a lesson page's first load: it waits for the learner to start the
 * sandbox, then loads the engine and the interactive view (sandbox-app.ts) for that sandbox.
 * Several sandboxes on one page are independent.
 */
const started = new WeakSet<HTMLElement>();

function wire(root: HTMLElement): void {
  const start = root.querySelector<HTMLButtonElement>('[data-sandbox-start]');
  if (!start || started.has(root)) return;
  start.addEventListener('click', async () => {
    if (started.has(root)) return;
    started.add(root);
    start.disabled = true;
    start.setAttribute('aria-busy', 'true');
    try {
      const { startSandbox } = await import('./sandbox-app');
      startSandbox(root);
    } catch (e) {
      started.delete(root);
      start.disabled = false;
      start.removeAttribute('aria-busy');
      const status = root.querySelector('[data-sandbox-status]');
      if (status) status.textContent = String((e as Error).message ?? e);
    }
  });
}

for (const el of document.querySelectorAll<HTMLElement>('[data-sandbox]')) wire(el);
