/**
 * The outcomes of the demo's plans: FICTIONAL, written the way the seed guidance asks (SMART outcomes,
 * provision with who, how often, how long and group size).
 */
import type { Outcome } from '../review/case.ts';

/** The outcomes of a plan (Section E) with their provision (Section F): realistic, fictional. */
export const OUTCOMES: Record<'primary' | 'secondary' | 'early-years', readonly Outcome[]> = {
  'early-years': [
    {
      id: 'o1',
      area: 'communication-and-interaction',
      text: 'By the end of the Reception year, Freddie will use two-word phrases to make requests during play.',
      provision: [
        {
          intervention: 'Intensive interaction',
          providedBy: 'Nursery key person',
          frequency: 'daily',
          duration: '10 minutes',
          groupSize: '1:1',
        },
      ],
    },
    {
      id: 'o2',
      area: 'sensory-and-physical',
      text: 'By the summer term, he will manage the move between activities with one visual prompt.',
      provision: [
        {
          intervention: 'Now-and-next board',
          providedBy: 'Nursery staff',
          frequency: 'each transition',
          duration: '2 minutes',
          groupSize: '1:1',
        },
      ],
    },
  ],
  primary: [
    {
      id: 'o1',
      area: 'communication-and-interaction',
      text: 'By July, will take turns in a small-group conversation of four, for five minutes, with one adult prompt.',
      provision: [
        {
          intervention: 'Talk Boost',
          providedBy: 'Teaching assistant trained by SALT',
          frequency: '3 x week',
          duration: '20 minutes',
          groupSize: 'small group of 4',
        },
      ],
    },
    {
      id: 'o2',
      area: 'cognition-and-learning',
      text: 'By the end of the year, will read and spell the Phase 5 phonics words with 80% accuracy.',
      provision: [
        {
          intervention: 'Precision teaching',
          providedBy: 'Class teacher',
          frequency: 'daily',
          duration: '10 minutes',
          groupSize: '1:1',
        },
      ],
    },
    {
      id: 'o3',
      area: 'social-emotional-and-mental-health',
      text: 'By Easter, will name the feeling and use a calming strategy from the toolkit in four of five incidents.',
      provision: [
        {
          intervention: 'Zones of Regulation',
          providedBy: 'Learning mentor',
          frequency: '2 x week',
          duration: '30 minutes',
          groupSize: '1:1',
        },
      ],
    },
  ],
  secondary: [
    {
      id: 'o1',
      area: 'cognition-and-learning',
      text: 'By the end of the year, will solve two-step number problems using a calculator with 70% accuracy.',
      provision: [
        {
          intervention: 'Numeracy catch-up',
          providedBy: 'Maths HLTA',
          frequency: '2 x week',
          duration: '45 minutes',
          groupSize: 'small group of 6',
        },
      ],
    },
    {
      id: 'o2',
      area: 'social-emotional-and-mental-health',
      text: 'By the summer term, will attend every lesson on the timetable, using the time-out card at most twice a week.',
      provision: [
        {
          intervention: 'Key-worker check-in',
          providedBy: 'Pastoral lead',
          frequency: 'daily',
          duration: '10 minutes',
          groupSize: '1:1',
        },
      ],
    },
    {
      id: 'o3',
      area: 'preparing-for-adulthood',
      text: 'By July, will travel to school independently on the bus, following a visual route plan.',
      provision: [
        {
          intervention: 'Travel training',
          providedBy: 'Northshire travel trainer',
          frequency: 'weekly',
          duration: '1 hour',
          groupSize: '1:1',
        },
      ],
    },
  ],
};
