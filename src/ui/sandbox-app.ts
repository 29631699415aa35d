/**
 * The interactive sandbox: the engine (src/sim) driven by a simulated clock, with the manifest
 * editor, the cluster view, time controls, a kubectl console, the event log, goals and a details
 * panel with `describe` and "why?". The engine knows nothing of this module; it only renders
 * what the public contract returns and sends it commands.
 */
import { createCluster, checkGoals, type Cluster, type Goal, type KubectlFollow } from '../sim';
import { t } from '../i18n';
import type { Locale } from '../content/schemas';
import { renderCluster, type Selection } from './cluster-view';
import { whyNode, whyPod, whyJob, whyCronJob } from '../sim/explain/why';
import { objectRef } from '../sim/kubectl/resources';
import { resolveKind } from '../sim/kinds';
import { whyText } from './why-text';

export interface ScenarioData {
  slug: string;
  manifests: string;
  nodes?: object[];
  seed?: number;
  startTime?: string;
  setup?: string[];
  goals?: Goal[];
  hints?: Record<Locale, string>[];
  solution?: { manifests?: string; kubectl?: string[]; advanceSeconds?: number };
  hasCronJob: boolean;
}

type Speed = 1 | 10 | 60 | 600;
/** Milliseconds of engine work per animation frame while playing (of the 16.7 a frame has at 60 Hz). */
const FRAME_BUDGET_MS = 8;

const SPEEDS: Speed[] = [1, 10, 60, 600];
const MANIFEST_FILE = 'manifest.yaml';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

const two = (n: number) => String(n).padStart(2, '0');
/** The simulated clock as the sandbox shows it: `2025-01-01 00:01:20 UTC`. */
export function clockText(d: Date): string {
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC`;
}

export function startSandbox(root: HTMLElement): void {
  const data = JSON.parse(root.querySelector('script[data-scenario-json]')!.textContent!) as ScenarioData;
  const locale = (root.dataset.locale as Locale) ?? 'en';
  new SandboxApp(root, data, locale);
}

class SandboxApp {
  private cluster!: Cluster;
  private text: string;
  private playing = false;
  private speed: Speed = 1;
  private lastFrame = 0;
  private lastRender = 0;
  private follows: { follow: KubectlFollow; out: HTMLElement }[] = [];
  private history: string[] = [];
  private historyAt = 0;
  private selection: Selection | undefined;
  private lastAnnounce = 0;
  private pendingAnnounce: string[] = [];
  private knownPods = new Map<string, string>();
  private editor: { getValue(): string; setValue(s: string): void; setMarkers(m: unknown[]): void } | undefined;

  // DOM
  private app: HTMLElement;
  private clock!: HTMLElement;
  private playButton!: HTMLButtonElement;
  private speedSelect!: HTMLSelectElement;
  private clusterHost!: HTMLElement;
  private consoleOut!: HTMLElement;
  private consoleIn!: HTMLInputElement;
  private events!: HTMLTableSectionElement;
  private eventFilter!: HTMLInputElement;
  private goals!: HTMLElement;
  private inspector!: HTMLElement;
  private details!: HTMLElement;
  private errors!: HTMLElement;
  private textarea!: HTMLTextAreaElement;
  private editorHost!: HTMLElement;
  private live!: HTMLElement;
  private table!: HTMLTableSectionElement;
  private tableView!: HTMLDetailsElement;
  private rows: { name: string; status: string; node: string; owner: string }[] = [];
  private lastRevision = -1;
  private lastEventsRender = 0;

  constructor(
    private root: HTMLElement,
    private data: ScenarioData,
    private locale: Locale,
  ) {
    const saved = this.storageGet();
    this.text = saved ?? data.manifests;
    this.app = this.build();
    for (const s of root.querySelectorAll<HTMLElement>('[data-static]')) s.hidden = true;
    root.append(this.app);
    this.reset(false);
    this.consoleIn.focus();
  }

  // ---- layout ---------------------------------------------------------------------------------

  private build(): HTMLElement {
    const id = `sb-${this.data.slug}-${Math.random().toString(36).slice(2, 7)}`;
    this.clock = el('output', { class: 'sb-clock', 'aria-label': t(this.locale, 'sb.clock') });
    this.playButton = el(
      'button',
      { type: 'button', class: 'sb-play', 'aria-pressed': 'false' },
      t(this.locale, 'sb.play'),
    );
    this.playButton.addEventListener('click', () => this.setPlaying(!this.playing));
    this.speedSelect = el('select', { 'aria-label': t(this.locale, 'sb.speed') });
    for (const s of SPEEDS) this.speedSelect.append(el('option', { value: String(s) }, `${s}×`));
    this.speedSelect.addEventListener('change', () => (this.speed = Number(this.speedSelect.value) as Speed));
    const step = el('button', { type: 'button' }, t(this.locale, 'sb.step'));
    step.addEventListener('click', () => this.stepToNextEvent());
    const plus = (secs: number, label: string) => {
      const b = el('button', { type: 'button' }, label);
      b.addEventListener('click', () => this.advance(secs));
      return b;
    };
    const toolbar = el(
      'div',
      { class: 'sb-toolbar', role: 'toolbar', 'aria-label': t(this.locale, 'sb.time') },
      this.clock,
      this.playButton,
      this.speedSelect,
      step,
      plus(10, t(this.locale, 'sb.plus', { n: '10 s' })),
      plus(60, t(this.locale, 'sb.plus', { n: '1 min' })),
    );
    if (this.data.hasCronJob) {
      const next = el('button', { type: 'button' }, t(this.locale, 'sb.nextSchedule'));
      next.addEventListener('click', () => this.jumpToNextSchedule());
      toolbar.append(next);
    }
    const resetCluster = el('button', { type: 'button', class: 'sb-reset' }, t(this.locale, 'sb.resetCluster'));
    resetCluster.addEventListener('click', () => this.reset(false));
    toolbar.append(resetCluster);

    // Editor: a plain textarea until the learner asks for the full editor (Monaco, loaded then).
    this.textarea = el('textarea', {
      class: 'sb-textarea',
      spellcheck: 'false',
      autocapitalize: 'off',
      'aria-label': t(this.locale, 'sb.editorLabel'),
      rows: '18',
    });
    this.textarea.value = this.text;
    this.textarea.addEventListener('input', () => this.setText(this.textarea.value));
    this.textarea.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        this.applyText();
      }
    });
    this.editorHost = el('div', { class: 'sb-monaco', hidden: '' });
    const apply = el('button', { type: 'button', class: 'sb-primary' }, t(this.locale, 'sb.apply'));
    apply.addEventListener('click', () => this.applyText());
    const resetText = el('button', { type: 'button' }, t(this.locale, 'sb.resetText'));
    resetText.addEventListener('click', () => {
      this.setText(this.data.manifests);
      this.textarea.value = this.data.manifests;
      this.editor?.setValue(this.data.manifests);
      this.showErrors([]);
    });
    const rich = el('button', { type: 'button' }, t(this.locale, 'sb.richEditor'));
    rich.addEventListener('click', () => this.loadEditor(rich));
    this.errors = el('ul', { class: 'sb-errors', 'aria-live': 'polite' });
    const editor = el(
      'section',
      { class: 'sb-panel sb-editor', 'aria-labelledby': `${id}-editor` },
      el('h3', { id: `${id}-editor` }, t(this.locale, 'sb.editor')),
      this.textarea,
      this.editorHost,
      el(
        'div',
        { class: 'sb-row' },
        apply,
        resetText,
        rich,
        el('span', { class: 'sb-hint' }, t(this.locale, 'sb.applyHint')),
      ),
      this.errors,
    );

    this.clusterHost = el('div', { class: 'sb-cluster-view' });
    this.clusterHost.addEventListener('click', (e) => {
      const target = (e.target as HTMLElement).closest<HTMLElement>('[data-select]');
      if (!target) return;
      const [kind, ns, name] = target.dataset.select!.split('/');
      this.select({ kind: kind as Selection['kind'], namespace: ns || undefined, name });
    });
    const addNode = el('button', { type: 'button' }, t(this.locale, 'sb.addNode'));
    addNode.addEventListener('click', () => this.addNode());
    this.table = el('tbody');
    const tableView = (this.tableView = el(
      'details',
      { class: 'sb-table-view' },
      el('summary', {}, t(this.locale, 'sb.tableView')),
      el(
        'table',
        {},
        el('caption', {}, t(this.locale, 'sb.tableCaption')),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, t(this.locale, 'sb.colPod')),
            el('th', { scope: 'col' }, t(this.locale, 'sb.colStatus')),
            el('th', { scope: 'col' }, t(this.locale, 'sb.colNode')),
            el('th', { scope: 'col' }, t(this.locale, 'sb.colOwner')),
          ),
        ),
        this.table,
      ),
    ));
    tableView.addEventListener('toggle', () => tableView.open && this.renderTable());
    const clusterPanel = el(
      'section',
      { class: 'sb-panel sb-cluster', 'aria-labelledby': `${id}-cluster` },
      el(
        'div',
        { class: 'sb-row sb-panel-head' },
        el('h3', { id: `${id}-cluster` }, t(this.locale, 'sb.clusterTitle')),
        addNode,
      ),
      this.clusterHost,
      tableView,
    );

    this.consoleOut = el('div', {
      class: 'sb-console-out',
      role: 'log',
      'aria-label': t(this.locale, 'sb.consoleOut'),
      tabindex: '0',
    });
    this.consoleIn = el('input', {
      class: 'sb-console-in',
      type: 'text',
      spellcheck: 'false',
      autocapitalize: 'off',
      autocomplete: 'off',
      'aria-label': t(this.locale, 'sb.consoleIn'),
      placeholder: 'kubectl get pods -o wide',
    });
    this.consoleIn.addEventListener('keydown', (e) => this.onConsoleKey(e));
    const consolePanel = el(
      'section',
      { class: 'sb-panel sb-console', 'aria-labelledby': `${id}-console` },
      el('h3', { id: `${id}-console` }, t(this.locale, 'sb.console')),
      this.consoleOut,
      el('div', { class: 'sb-prompt' }, el('span', { 'aria-hidden': 'true' }, '$'), this.consoleIn),
      el('p', { class: 'sb-hint' }, t(this.locale, 'sb.consoleHint')),
    );

    this.details = el(
      'div',
      { class: 'sb-details-body' },
      el('p', { class: 'sb-hint' }, t(this.locale, 'sb.detailsEmpty')),
    );
    const detailsPanel = el(
      'section',
      { class: 'sb-panel sb-details', 'aria-labelledby': `${id}-details` },
      el('h3', { id: `${id}-details` }, t(this.locale, 'sb.details')),
      this.details,
    );

    this.inspector = el('ul', { class: 'sb-inspector-list' });
    const inspectorPanel = el(
      'section',
      { class: 'sb-panel sb-inspector', 'aria-labelledby': `${id}-inspector` },
      el('h3', { id: `${id}-inspector` }, t(this.locale, 'sb.inspector')),
      this.inspector,
      el('p', { class: 'sb-hint' }, t(this.locale, 'sb.inspectorNote')),
    );

    this.goals = el('ul', { class: 'sb-goals' });
    const hints = el('div', { class: 'sb-hints' });
    (this.data.hints ?? []).forEach((h, i) =>
      hints.append(
        el('details', {}, el('summary', {}, t(this.locale, 'sb.hint', { n: i + 1 })), el('p', {}, h[this.locale])),
      ),
    );
    const solve = el('button', { type: 'button' }, t(this.locale, 'sb.showSolution'));
    solve.addEventListener('click', () => this.applySolution());
    const goalsPanel = el(
      'section',
      { class: 'sb-panel sb-goals-panel', 'aria-labelledby': `${id}-goals` },
      el('h3', { id: `${id}-goals` }, t(this.locale, 'sb.goals')),
      this.goals,
      hints,
      ...(this.data.solution ? [solve] : []),
    );

    this.eventFilter = el('input', {
      type: 'search',
      'aria-label': t(this.locale, 'sb.eventFilter'),
      placeholder: t(this.locale, 'sb.eventFilter'),
    });
    this.eventFilter.addEventListener('input', () => this.renderEvents());
    this.events = el('tbody');
    const eventsPanel = el(
      'section',
      { class: 'sb-panel sb-events', 'aria-labelledby': `${id}-events` },
      el(
        'div',
        { class: 'sb-row sb-panel-head' },
        el('h3', { id: `${id}-events` }, t(this.locale, 'sb.events')),
        this.eventFilter,
      ),
      el(
        'div',
        { class: 'sb-scroll', tabindex: '0' },
        el(
          'table',
          {},
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'].map((h) => el('th', { scope: 'col' }, h)),
            ),
          ),
          this.events,
        ),
      ),
    );

    this.live = el('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
    return el(
      'div',
      { class: 'sb-app' },
      el('p', { class: 'sb-simplified' }, t(this.locale, 'sb.simplified')),
      toolbar,
      el(
        'div',
        { class: 'sb-grid' },
        clusterPanel,
        editor,
        consolePanel,
        detailsPanel,
        inspectorPanel,
        goalsPanel,
        eventsPanel,
      ),
      this.live,
    );
  }

  // ---- state --------------------------------------------------------------------------------------

  private storageKey(): string {
    return `reconcile:sandbox:${location.pathname}:${this.data.slug}`;
  }
  private storageGet(): string | null {
    try {
      return localStorage.getItem(this.storageKey());
    } catch {
      return null;
    }
  }
  private setText(text: string): void {
    this.text = text;
    try {
      if (text === this.data.manifests) localStorage.removeItem(this.storageKey());
      else localStorage.setItem(this.storageKey(), text);
    } catch {
      // private mode: the text just does not survive a reload
    }
  }

  /** A fresh cluster from the scenario: nodes, seed, start time and its setup commands. */
  private reset(announce = true): void {
    this.setPlaying(false);
    for (const f of this.follows) f.follow.stop();
    this.follows = [];
    this.cluster = createCluster({
      ...(this.data.nodes ? { nodes: this.data.nodes } : {}),
      ...(this.data.seed !== undefined ? { seed: this.data.seed } : {}),
      ...(this.data.startTime ? { startTime: this.data.startTime } : {}),
    });
    for (const line of this.data.setup ?? []) this.cluster.kubectl(line);
    this.knownPods.clear();
    this.selection = undefined;
    this.details.replaceChildren(el('p', { class: 'sb-hint' }, t(this.locale, 'sb.detailsEmpty')));
    this.render(true);
    if (announce) this.say(t(this.locale, 'sb.resetDone'));
  }

  /**
   * Apply: the editor's text through the API server (the public `apply`, which is `kubectl apply -f -`),
   * printed in the console as kubectl prints it, with the errors listed and marked on their lines.
   */
  private applyText(): void {
    const text = this.editor ? this.editor.getValue() : this.textarea.value;
    this.setText(text);
    const r = this.cluster.apply(text);
    const seen = new Set<string>();
    const stderr = r.errors
      .map((e) => e.message)
      .filter((m) => !seen.has(m) && seen.add(m))
      .map((m) => `${m}\n`)
      .join('');
    const stdout = r.objects.map((o) => `${objectRef(resolveKind(o.kind)!.kind, o.name)} ${o.action}\n`).join('');
    this.print('kubectl apply -f -', { stdout, stderr, exitCode: r.ok ? 0 : 1 });
    this.showErrors(r.errors);
    this.render(true);
  }

  private showErrors(errors: { message: string; line?: number; column?: number }[]): void {
    this.errors.replaceChildren(
      ...errors.map((e) =>
        el(
          'li',
          {},
          e.line ? el('span', { class: 'sb-errline' }, t(this.locale, 'sb.line', { n: e.line })) : '',
          el('code', {}, e.message),
        ),
      ),
    );
    this.editor?.setMarkers(
      errors.filter((e) => e.line).map((e) => ({ line: e.line!, column: e.column ?? 1, message: e.message })),
    );
  }

  private async loadEditor(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const { mountYamlEditor } = await import('../editor/yaml-editor');
      this.editorHost.hidden = false;
      const dark =
        matchMedia('(prefers-color-scheme: dark)').matches || document.documentElement.dataset.theme === 'dark';
      const ed = await mountYamlEditor(this.editorHost, {
        value: this.textarea.value,
        ariaLabel: t(this.locale, 'sb.editorLabel'),
        dark: document.documentElement.dataset.theme ? document.documentElement.dataset.theme === 'dark' : dark,
        onApply: () => this.applyText(),
        modelUri: `file:///${this.data.slug}/${MANIFEST_FILE}`,
      });
      ed.onChange((text) => this.setText(text));
      this.editor = ed;
      this.textarea.hidden = true;
      button.hidden = true;
      ed.focus();
    } catch (e) {
      button.disabled = false;
      this.say(t(this.locale, 'sb.editorFailed', { error: String((e as Error).message ?? e) }));
    }
  }

  private applySolution(): void {
    const s = this.data.solution;
    if (!s) return;
    if (s.manifests) {
      this.setText(s.manifests);
      this.textarea.value = s.manifests;
      this.editor?.setValue(s.manifests);
      this.applyText();
    }
    for (const line of s.kubectl ?? []) this.run(line);
  }

  // ---- time -------------------------------------------------------------------------------------

  /** Simulated seconds a frame wanted but had no time to run. */
  private simDebt = 0;

  private setPlaying(on: boolean): void {
    this.playing = on;
    this.playButton.setAttribute('aria-pressed', String(on));
    this.playButton.textContent = on ? t(this.locale, 'sb.pause') : t(this.locale, 'sb.play');
    if (on) {
      this.lastFrame = performance.now();
      this.simDebt = 0;
      requestAnimationFrame((ts) => this.frame(ts));
    }
  }

  /**
   * One animation frame of play: the simulated time the frame is worth at the chosen speed, run
   * within a few milliseconds of work so that a burst (a rollout creating hundreds of pods) is
   * spread over several frames instead of freezing one; time the frame could not run is carried
   * to the next (up to a second's worth), so the clock catches up when the burst is over.
   */
  private frame(ts: number): void {
    if (!this.playing || !this.app.isConnected) return;
    const dt = Math.min(0.25, (ts - this.lastFrame) / 1000);
    this.lastFrame = ts;
    const want = dt * this.speed + this.simDebt;
    const start = performance.now();
    const before = this.cluster.now().getTime();
    this.cluster.runUntil(() => performance.now() - start > FRAME_BUDGET_MS, want);
    const ran = (this.cluster.now().getTime() - before) / 1000;
    this.simDebt = Math.min(this.speed, Math.max(0, want - ran));
    if (ts - this.lastRender > 100) this.render(false);
    requestAnimationFrame((t2) => this.frame(t2));
  }

  private advance(seconds: number): void {
    this.cluster.advance(seconds);
    this.render(true);
  }

  private stepToNextEvent(): void {
    const next = this.cluster.nextEventTime();
    if (!next) return this.say(t(this.locale, 'sb.nothingDue'));
    this.cluster.advance(Math.max(0, (next.getTime() - this.cluster.now().getTime()) / 1000));
    this.render(true);
  }

  /** Jumps to just after the earliest next run of any CronJob (status says when it last ran). */
  private jumpToNextSchedule(): void {
    const start = this.cluster.now().getTime();
    // A CronJob's lastScheduleTime moves when it starts the Job of a scheduled time.
    const scheduled = () =>
      (this.cluster.list('CronJob') as { status?: { lastScheduleTime?: string } }[])
        .map((c) => c.status?.lastScheduleTime ?? '')
        .join(' ');
    const before = scheduled();
    // Run events one by one until a CronJob starts a Job, or a day passes.
    const ok = this.cluster.runUntil(() => scheduled() !== before, 24 * 3600);
    this.render(true);
    this.say(
      ok
        ? t(this.locale, 'sb.jumped', { s: Math.round((this.cluster.now().getTime() - start) / 1000) })
        : t(this.locale, 'sb.noSchedule'),
    );
  }

  // ---- console ------------------------------------------------------------------------------------

  private onConsoleKey(e: KeyboardEvent): void {
    const input = this.consoleIn;
    if (e.key === 'Enter') {
      e.preventDefault();
      const line = input.value.trim();
      input.value = '';
      if (!line) return;
      this.history.push(line);
      this.historyAt = this.history.length;
      this.run(line);
    } else if (e.key === 'ArrowUp') {
      if (this.historyAt > 0) {
        e.preventDefault();
        input.value = this.history[--this.historyAt];
      }
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      this.historyAt = Math.min(this.history.length, this.historyAt + 1);
      input.value = this.history[this.historyAt] ?? '';
    } else if (e.key === 'Tab' && input.value.trim() !== '') {
      const options = this.cluster.complete(input.value);
      if (options.length === 0) return;
      e.preventDefault();
      const words = input.value.split(/\s+/);
      const partial = /\s$/.test(input.value) ? '' : words.pop()!;
      const prefix = input.value.slice(0, input.value.length - partial.length);
      if (options.length === 1) input.value = `${prefix}${options[0]} `;
      else {
        const common = options.reduce((a, b) => {
          let i = 0;
          while (i < a.length && a[i] === b[i]) i++;
          return a.slice(0, i);
        });
        if (common.length > partial.length) input.value = `${prefix}${common}`;
        this.appendOut(el('div', { class: 'sb-completions' }, options.join('  ')));
      }
    } else if (e.key === 'c' && e.ctrlKey && this.follows.length) {
      e.preventDefault();
      for (const f of this.follows) f.follow.stop();
      this.follows = [];
      this.appendOut(el('div', { class: 'sb-muted' }, '^C'));
    }
  }

  /** Runs a kubectl line as the console does, with the editor's text readable as manifest.yaml. */
  run(line: string): void {
    const words = line.replace(/^kubectl\s+/, '');
    if (words === 'clear') {
      this.consoleOut.replaceChildren();
      return;
    }
    const r = this.cluster.kubectl(words, {
      files: { [MANIFEST_FILE]: this.editor?.getValue() ?? this.textarea.value },
    });
    this.print(`kubectl ${words}`, r);
    this.render(true);
  }

  private print(
    command: string,
    r: { stdout: string; stderr: string; exitCode: number; follow?: KubectlFollow },
  ): void {
    const block = el('div', { class: 'sb-cmd' }, el('div', { class: 'sb-echo' }, `$ ${command}`));
    if (r.stdout) block.append(el('pre', { class: 'sb-stdout' }, r.stdout));
    if (r.stderr) block.append(el('pre', { class: r.exitCode ? 'sb-stderr' : 'sb-stdout sb-muted' }, r.stderr));
    this.appendOut(block);
    if (r.follow) {
      const out = el('pre', { class: 'sb-stdout' });
      block.append(out, el('div', { class: 'sb-muted' }, t(this.locale, 'sb.following')));
      this.follows.push({ follow: r.follow, out });
    }
  }

  private appendOut(node: HTMLElement): void {
    this.consoleOut.append(node);
    while (this.consoleOut.childElementCount > 200) this.consoleOut.firstElementChild!.remove();
    this.consoleOut.scrollTop = this.consoleOut.scrollHeight;
  }

  // ---- details ----------------------------------------------------------------------------------

  private select(sel: Selection): void {
    this.selection = sel;
    this.renderDetails();
  }

  private renderDetails(): void {
    const sel = this.selection;
    if (!sel) return;
    const obj = this.cluster.get(sel.kind, sel.name, sel.namespace);
    if (!obj) {
      this.details.replaceChildren(el('p', { class: 'sb-hint' }, t(this.locale, 'sb.gone', { name: sel.name })));
      return;
    }
    const reasons =
      sel.kind === 'Pod'
        ? whyPod(this.cluster, sel.namespace ?? 'default', sel.name)
        : sel.kind === 'Node'
          ? whyNode(this.cluster, sel.name)
          : sel.kind === 'Job'
            ? whyJob(this.cluster, sel.namespace ?? 'default', sel.name)
            : whyCronJob(this.cluster, sel.namespace ?? 'default', sel.name);
    const describe = this.cluster.kubectl(
      `describe ${sel.kind.toLowerCase()} ${sel.name}${sel.namespace ? ` -n ${sel.namespace}` : ''}`,
    );
    const body: HTMLElement[] = [
      el('h4', {}, `${sel.kind} ${sel.name}`),
      el('h5', {}, t(this.locale, 'sb.why')),
      el(
        'ul',
        { class: 'sb-why' },
        ...reasons.map((r) => el('li', {}, ...withCode(whyText(this.locale, r, { now: this.cluster.now() })))),
      ),
    ];
    if (sel.kind === 'Node')
      body.push(
        this.nodeActions(
          sel.name,
          obj as { spec?: { unschedulable?: boolean; taints?: { key: string; effect: string }[] } },
        ),
      );
    body.push(
      el(
        'details',
        {},
        el('summary', {}, `kubectl describe ${sel.kind.toLowerCase()} ${sel.name}`),
        el('pre', { class: 'sb-describe' }, describe.stdout || describe.stderr),
      ),
    );
    this.details.replaceChildren(...body);
  }

  private nodeActions(
    name: string,
    node: { spec?: { unschedulable?: boolean; taints?: { key: string; value?: string; effect: string }[] } },
  ): HTMLElement {
    const box = el('div', {
      class: 'sb-node-actions',
      role: 'group',
      'aria-label': t(this.locale, 'sb.nodeActions', { name }),
    });
    const action = (label: string, line: string) => {
      const b = el('button', { type: 'button', title: `kubectl ${line}` }, label);
      b.addEventListener('click', () => {
        this.run(line);
        this.renderDetails();
      });
      box.append(b);
    };
    if (node.spec?.unschedulable) action(t(this.locale, 'sb.uncordon'), `uncordon ${name}`);
    else action(t(this.locale, 'sb.cordon'), `cordon ${name}`);
    for (const taint of node.spec?.taints ?? [])
      if (!taint.key.startsWith('node.kubernetes.io/'))
        action(
          t(this.locale, 'sb.untaint', { taint: `${taint.key}:${taint.effect}` }),
          `taint nodes ${name} ${taint.key}:${taint.effect}-`,
        );
    const taintIn = el('input', {
      type: 'text',
      'aria-label': t(this.locale, 'sb.taintInput'),
      placeholder: 'dedicated=gpu:NoSchedule',
      class: 'sb-small-input',
    });
    const taintBtn = el('button', { type: 'button' }, t(this.locale, 'sb.taint'));
    taintBtn.addEventListener('click', () => {
      if (!taintIn.value.trim()) return taintIn.focus();
      this.run(`taint nodes ${name} ${taintIn.value.trim()}`);
      this.renderDetails();
    });
    const labelIn = el('input', {
      type: 'text',
      'aria-label': t(this.locale, 'sb.labelInput'),
      placeholder: 'disk=ssd',
      class: 'sb-small-input',
    });
    const labelBtn = el('button', { type: 'button' }, t(this.locale, 'sb.label'));
    labelBtn.addEventListener('click', () => {
      if (!labelIn.value.trim()) return labelIn.focus();
      this.run(`label node ${name} ${labelIn.value.trim()} --overwrite`);
      this.renderDetails();
    });
    box.append(
      el('span', { class: 'sb-inline' }, taintIn, taintBtn),
      el('span', { class: 'sb-inline' }, labelIn, labelBtn),
    );
    const health = (label: string, h: 'Ready' | 'NotReady' | 'Unreachable') => {
      const b = el('button', { type: 'button' }, label);
      b.addEventListener('click', () => {
        this.cluster.setNodeHealth(name, h);
        this.appendOut(el('div', { class: 'sb-muted' }, t(this.locale, 'sb.healthNote', { name, health: h })));
        this.render(true);
        this.renderDetails();
      });
      box.append(b);
    };
    health(t(this.locale, 'sb.makeNotReady'), 'NotReady');
    health(t(this.locale, 'sb.makeUnreachable'), 'Unreachable');
    health(t(this.locale, 'sb.makeReady'), 'Ready');
    action(t(this.locale, 'sb.removeNode'), `delete node ${name}`);
    return box;
  }

  private addNode(): void {
    const names = new Set(this.cluster.list('Node').map((n) => (n as { metadata: { name: string } }).metadata.name));
    let i = 1;
    while (names.has(`worker-${i}`)) i++;
    const name = `worker-${i}`;
    const yaml = `apiVersion: v1\nkind: Node\nmetadata:\n  name: ${name}\n  labels:\n    kubernetes.io/hostname: ${name}\n`;
    const r = this.cluster.kubectl('apply -f -', { stdin: yaml });
    this.print(`kubectl apply -f - <<EOF\n${yaml}EOF`, r);
    this.render(true);
  }

  // ---- rendering ----------------------------------------------------------------------------------

  private render(now: boolean): void {
    if (!now && performance.now() - this.lastRender < 100) return;
    this.lastRender = performance.now();
    this.clock.textContent = clockText(this.cluster.now());
    for (const f of this.follows) {
      const text = f.follow.read();
      if (text) f.out.append(text);
    }
    this.follows = this.follows.filter((f) => !f.follow.done());
    // Ages in the event log move with the clock; everything else only when the cluster changed.
    const revision = this.cluster.revision();
    if (!now && revision === this.lastRevision) {
      if (performance.now() - this.lastEventsRender > 1000) this.renderEvents();
      return;
    }
    this.lastRevision = revision;
    const nodes = this.cluster.list('Node') as never[];
    const pods = this.cluster.list('Pod') as never[];
    const summary = renderCluster(this.clusterHost, nodes, pods, this.locale, this.selection);
    this.rows = summary.rows;
    if (this.tableView.open) this.renderTable();
    this.announceChanges(summary.rows);
    this.renderGoals();
    this.renderInspector();
    this.renderEvents();
    if (this.selection && now) this.renderDetails();
  }

  private renderTable(): void {
    this.table.replaceChildren(
      ...this.rows.map((r) =>
        el('tr', {}, el('td', {}, r.name), el('td', {}, r.status), el('td', {}, r.node || '—'), el('td', {}, r.owner)),
      ),
    );
  }

  /** Each controller's reconcile loop: its machine state and the last thing it decided. */
  private renderInspector(): void {
    const views = this.cluster.controllers();
    if (views.length === 0) {
      this.inspector.replaceChildren(el('li', { class: 'sb-hint' }, t(this.locale, 'sb.inspectorEmpty')));
      return;
    }
    const none = t(this.locale, 'sb.none');
    this.inspector.replaceChildren(
      ...views.map((v) => {
        const d = v.lastDecision;
        return el(
          'li',
          {},
          el('strong', {}, `${v.kind} ${v.name}`),
          ': ',
          el('code', { class: `sb-state sb-state-${v.state}` }, v.state),
          ` ${t(this.locale, 'sb.syncs', { n: v.syncs })}`,
          d && v.kind === 'CronJob'
            ? el(
                'div',
                { class: 'sb-decision' },
                t(this.locale, 'sb.cronDecision', {
                  at: d.at.slice(11, 19),
                  summary: t(this.locale, `sb.cron.${cronDecisionCode(d.summary)}`),
                }),
                d.scheduledTime
                  ? ` ${t(this.locale, 'sb.cronScheduled', { time: d.scheduledTime.slice(11, 16) })}`
                  : '',
                d.next ? ` ${t(this.locale, 'sb.cronNext', { time: d.next.slice(11, 19) })}` : '',
                d.create.length || d.delete.length
                  ? ` ${t(this.locale, 'sb.cronJobs', { create: d.create.join(', ') || none, delete: d.delete.join(', ') || none })}`
                  : '',
              )
            : d
              ? el(
                  'div',
                  { class: 'sb-decision' },
                  t(this.locale, 'sb.decision', {
                    at: d.at.slice(11, 19),
                    create: d.create.join(', ') || none,
                    delete: d.delete.join(', ') || none,
                  }),
                )
              : '',
        );
      }),
    );
  }

  private renderGoals(): void {
    const goals = this.data.goals ?? [];
    if (!goals.length) return;
    const results = checkGoals(this.cluster, goals);
    this.goals.replaceChildren(
      ...goals.map((g, i) =>
        el(
          'li',
          { class: results[i].met ? 'met' : 'unmet' },
          el('span', { class: 'sb-goal-mark', 'aria-hidden': 'true' }, results[i].met ? '✓' : '○'),
          el(
            'span',
            { class: 'sr-only' },
            results[i].met ? t(this.locale, 'sb.goalMet') : t(this.locale, 'sb.goalUnmet'),
          ),
          g.description[this.locale],
        ),
      ),
    );
  }

  private renderEvents(): void {
    this.lastEventsRender = performance.now();
    const filter = this.eventFilter.value.trim().toLowerCase();
    const now = this.cluster.now().getTime();
    const events = (this.cluster.events() as EventShape[])
      .filter(
        (e) =>
          !filter ||
          `${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason} ${e.message}`.toLowerCase().includes(filter),
      )
      .sort((a, b) => (a.lastTimestamp < b.lastTimestamp ? 1 : a.lastTimestamp > b.lastTimestamp ? -1 : 0))
      .slice(0, 100);
    this.events.replaceChildren(
      ...events.map((e) =>
        el(
          'tr',
          { class: e.type === 'Warning' ? 'warning' : '' },
          el('td', {}, age(now - Date.parse(e.lastTimestamp)) + (e.count > 1 ? ` (x${e.count})` : '')),
          el('td', {}, e.type),
          el('td', {}, e.reason),
          el('td', {}, `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`),
          el('td', {}, e.message),
        ),
      ),
    );
  }

  /** Polite, rate-limited announcements of pods appearing, changing phase and going away. */
  private announceChanges(rows: { name: string; status: string; node: string }[]): void {
    const seen = new Set<string>();
    for (const r of rows) {
      seen.add(r.name);
      const was = this.knownPods.get(r.name);
      if (was !== r.status) {
        if (was !== undefined || this.knownPods.size > 0 || rows.length < 20)
          this.pendingAnnounce.push(
            t(this.locale, 'sb.announcePod', {
              name: r.name,
              status: r.status,
              node: r.node || t(this.locale, 'sb.unscheduled'),
            }),
          );
        this.knownPods.set(r.name, r.status);
      }
    }
    for (const name of [...this.knownPods.keys()])
      if (!seen.has(name)) {
        this.knownPods.delete(name);
        this.pendingAnnounce.push(t(this.locale, 'sb.announceGone', { name }));
      }
    const t0 = performance.now();
    if (this.pendingAnnounce.length && t0 - this.lastAnnounce > 2000) {
      const list = this.pendingAnnounce;
      this.pendingAnnounce = [];
      this.lastAnnounce = t0;
      this.say(
        list.length > 3 ? t(this.locale, 'sb.announceMany', { n: list.length, first: list[0] }) : list.join(' '),
      );
    }
  }

  private say(text: string): void {
    this.live.textContent = text;
  }
}

interface EventShape {
  type: string;
  reason: string;
  message: string;
  count: number;
  lastTimestamp: string;
  involvedObject: { kind: string; name: string };
}

/** Text with `backticked` names as <code> elements. */
function withCode(text: string): (Node | string)[] {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? el('code', {}, part) : part));
}

function age(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  return `${Math.floor(m / 60)}h${m % 60 ? `${m % 60}m` : ''}`;
}

/** The i18n code of a CronJob controller decision (cronjob/controller.ts decide()). */
function cronDecisionCode(
  summary: string | undefined,
):
  | 'created'
  | 'missed'
  | 'processed'
  | 'forbid'
  | 'failedCreate'
  | 'failedReplace'
  | 'suspended'
  | 'deleting'
  | 'unparseable'
  | 'invalidSchedule'
  | 'unknownZone'
  | 'noUnmet' {
  switch (summary) {
    case 'created the Job':
      return 'created';
    case 'missed the starting deadline':
      return 'missed';
    case 'already processed':
      return 'processed';
    case 'skipped: Forbid and a Job is active':
      return 'forbid';
    case 'failed to create the Job':
      return 'failedCreate';
    case 'suspended':
      return 'suspended';
    case 'deleting':
      return 'deleting';
    case 'unparseable schedule':
      return 'unparseable';
    case 'invalid schedule':
      return 'invalidSchedule';
    case 'unknown time zone':
      return 'unknownZone';
    case 'failed to replace the Job':
      return 'failedReplace';
    default:
      return 'noUnmet';
  }
}
