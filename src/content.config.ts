import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema, quizSchema, scenarioSchema } from './content/schemas';

const lessons = defineCollection({
  loader: glob({ pattern: '*/*.mdx', base: './content/lessons' }),
  schema: lessonSchema,
});

const scenarios = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/scenarios' }),
  schema: scenarioSchema,
});

const quizzes = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/quizzes' }),
  schema: quizSchema,
});

export const collections = { lessons, scenarios, quizzes };
