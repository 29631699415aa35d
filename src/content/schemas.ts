/**
 * Schemas of the content files: lesson frontmatter, scenarios and quizzes. Shared by Astro's content
 * layer (src/content.config.ts), the content tests and the grader, so a malformed file is refused
 * the same way everywhere, with the file and the field named.
 */
import { z } from 'astro/zod';

export const LOCALES = ['en', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const TRACKS = ['daemonset', 'job', 'cronjob'] as const;
export type Track = (typeof TRACKS)[number];

export const lessonSchema = z.object({
  title: z.string().min(1).describe('The lesson title, shown in the page heading and the lesson list.'),
  description: z.string().min(1).describe('One or two sentences for the lesson list and <meta name="description">.'),
  track: z.enum(TRACKS).describe('Which track the lesson belongs to.'),
  order: z.number().int().positive().describe('Position within the track, 1-based.'),
  minutes: z.number().int().positive().describe('Estimated reading and doing time in minutes.'),
  scenario: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional()
    .describe('Slug of the scenario in content/scenarios/ that the lesson sandbox starts from.'),
  objectives: z.array(z.string().min(1)).min(1).describe('What the learner can do after the lesson.'),
  updated: z.coerce.date().describe('When the lesson was last checked against Kubernetes.'),
});
export type LessonFrontmatter = z.infer<typeof lessonSchema>;

const localized = z
  .object({ en: z.string().min(1), zh: z.string().min(1) })
  .describe('Text in each locale: en and zh.');

/** A check on the cluster state; kept declarative so the grader can run it headless. */
export const goalSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  description: localized,
  check: z
    .object({
      kind: z.string().min(1).describe('Kind to look at, as kubectl accepts it (Pod, ds, jobs…).'),
      namespace: z.string().optional(),
      name: z
        .string()
        .optional()
        .describe('A single object by name; otherwise every object of the kind matching labelSelector.'),
      labelSelector: z.string().optional(),
      fieldSelector: z.string().optional().describe('Only spec.nodeName and status.phase, as in kubectl.'),
      count: z
        .object({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional() })
        .optional()
        .describe('How many objects must match.'),
      jsonPath: z.string().optional().describe('A field of the object, e.g. status.numberReady.'),
      equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
      exists: z.boolean().optional(),
    })
    .strict(),
});

export const scenarioSchema = z
  .object({
    title: localized,
    description: localized,
    nodes: z
      .array(z.record(z.string(), z.unknown()))
      .optional()
      .describe('Node manifests; omitted means the default cluster: control-plane + worker-1..3.'),
    seed: z.number().int().optional(),
    startTime: z.iso.datetime().optional(),
    manifests: z.string().describe('The YAML the editor starts with (multi-document).'),
    setup: z.array(z.string()).optional().describe('kubectl lines run before the learner starts.'),
    goals: z.array(goalSchema).optional(),
    hints: z.array(localized).optional(),
    solution: z
      .object({
        manifests: z.string().optional().describe('YAML applied in place of the starting manifests.'),
        kubectl: z.array(z.string()).optional().describe('kubectl lines run after applying.'),
        advanceSeconds: z.number().nonnegative().optional().describe('Simulated seconds to run afterwards.'),
      })
      .optional(),
  })
  .strict();
export type Scenario = z.infer<typeof scenarioSchema>;

const choiceQuestion = z
  .object({
    type: z.literal('choice'),
    id: z.string().regex(/^[a-z0-9-]+$/),
    prompt: localized,
    choices: z.array(z.object({ id: z.string(), text: localized })).min(2),
    answer: z.string().describe('id of the correct choice'),
    explanation: localized,
  })
  .strict();
const predictQuestion = z
  .object({
    type: z.literal('predict'),
    id: z.string().regex(/^[a-z0-9-]+$/),
    prompt: localized,
    scenario: z.string().regex(/^[a-z0-9-]+$/),
    choices: z.array(z.object({ id: z.string(), text: localized })).min(2),
    answer: z.string(),
    explanation: localized,
  })
  .strict();
const fixQuestion = z
  .object({
    type: z.literal('fix'),
    id: z.string().regex(/^[a-z0-9-]+$/),
    prompt: localized,
    manifest: z.string(),
    explanation: localized,
  })
  .strict();

export const quizSchema = z
  .object({
    title: localized,
    track: z.enum(TRACKS),
    questions: z.array(z.discriminatedUnion('type', [choiceQuestion, predictQuestion, fixQuestion])).min(1),
  })
  .strict();
export type Quiz = z.infer<typeof quizSchema>;

/** Formats a zod error as `content/scenarios/x.yaml: goals.0.check.kind: Required` lines. */
export function formatContentError(file: string, error: z.ZodError): string {
  return error.issues.map((i) => `${file}: ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
}
