import type { AreaOfNeed, Provision } from '../../../bot/src/review/case.ts';
import {
  type AdviceContent,
  PROGRESS_WORDS,
  PROVISION_PROMPTS,
} from '../../../bot/src/review/contribute/advice.ts';
import type { Problem } from '../../../bot/src/review/errors.ts';
import type { Progress } from '../../../bot/src/review/review.ts';
import type { ContributionResponse } from '../api/types.ts';

/** One outcome of the plan on the form: its progress not chosen yet is `''`. */
export interface OutcomeForm {
  readonly outcomeId: string;
  readonly progress: Progress | '';
  readonly commentary: string;
  readonly recommendedChanges: string;
}

/** The advice form as the user edits it: one row per outcome of the plan, in the plan's order. */
export interface AdviceForm {
  readonly outcomes: readonly OutcomeForm[];
  readonly newOutcomes: readonly { readonly area: AreaOfNeed | ''; readonly text: string }[];
  readonly needs: readonly { readonly area: AreaOfNeed | ''; readonly description: string }[];
  readonly provision: readonly Provision[];
}

export const EMPTY_PROVISION: Provision = {
  intervention: '',
  providedBy: '',
  frequency: '',
  duration: '',
  groupSize: '',
};

export const PROVISION_LABELS: Readonly<Record<keyof Provision, string>> = {
  intervention: 'Intervention',
  providedBy: 'Who provides it',
  frequency: 'How often',
  duration: 'For how long',
  groupSize: 'Group size',
};

export { PROVISION_PROMPTS };

/** The form for `outcomes` from the stored advice, or empty. */
export function formOf(outcomes: ContributionResponse['outcomes'], content?: AdviceContent): AdviceForm {
  return {
    outcomes: outcomes.map((outcome) => {
      const given = content?.outcomes.find((o) => o.outcomeId === outcome.id);
      return {
        outcomeId: outcome.id,
        progress: given?.progress ?? '',
        commentary: given?.commentary ?? '',
        recommendedChanges: given?.recommendedChanges ?? '',
      };
    }),
    newOutcomes: content?.newOutcomes ?? [],
    needs: content?.needs ?? [],
    provision: content?.provision ?? [],
  };
}

/**
 * The content the API takes. An area not chosen is sent as it is (`''`), so the server names the
 * field; an outcome the user has not touched is left out of a draft.
 */
export function contentOf(form: AdviceForm): AdviceContent {
  return {
    outcomes: form.outcomes
      .filter((o) => o.progress || o.commentary.trim() || o.recommendedChanges.trim())
      .map((o) => ({
        outcomeId: o.outcomeId,
        ...(o.progress ? { progress: o.progress } : {}),
        commentary: o.commentary,
        ...(o.recommendedChanges.trim() ? { recommendedChanges: o.recommendedChanges } : {}),
      })),
    newOutcomes: form.newOutcomes.map((o) => ({ area: o.area as AreaOfNeed, text: o.text })),
    needs: form.needs.map((n) => ({ area: n.area as AreaOfNeed, description: n.description })),
    provision: form.provision,
  };
}

/**
 * The message for a field of the form, from the server's problems: the rules name an outcome by its
 * id (`outcomes.o1.commentary`), the body's checks by its place in what was sent
 * (`content.outcomes.0.commentary`), which for outcomes is the place among those sent.
 */
export function fieldProblem(
  problems: readonly Problem[],
  form: AdviceForm,
  list: 'outcomes' | 'newOutcomes' | 'needs' | 'provision',
  row: number,
  field: string,
): string | undefined {
  const byId = list === 'outcomes' ? form.outcomes[row]?.outcomeId : String(row);
  const sent =
    list === 'outcomes'
      ? contentOf(form).outcomes.findIndex((o) => o.outcomeId === form.outcomes[row]?.outcomeId)
      : row;
  const wanted = new Set([`${list}.${byId}.${field}`, `content.${list}.${sent}.${field}`]);
  const found = problems.filter((p) => wanted.has(p.where)).map((p) => p.message);
  return found.length > 0 ? found.join('; ') : undefined;
}

/** The problems no field of the form shows. */
export function otherProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter(
    (p) => !/^(content\.)?(outcomes|newOutcomes|needs|provision)\.[^.]+\.[^.]+$/.test(p.where),
  );
}

/** The draft as a plain text file, for the author to keep or print. */
export function draftText(
  form: AdviceForm,
  outcomes: ContributionResponse['outcomes'],
  title: string,
): string {
  const lines = [title, ''];
  form.outcomes.forEach((o, index) => {
    const outcome = outcomes[index];
    lines.push(`Outcome ${index + 1}: ${outcome?.text ?? o.outcomeId}`);
    lines.push(`  Progress: ${o.progress ? PROGRESS_WORDS[o.progress] : 'not chosen yet'}`);
    lines.push(`  Commentary: ${o.commentary || '-'}`);
    if (o.recommendedChanges) lines.push(`  Recommended change: ${o.recommendedChanges}`);
    lines.push('');
  });
  for (const o of form.newOutcomes) lines.push(`New outcome (${o.area || 'no area'}): ${o.text}`);
  for (const n of form.needs) lines.push(`Area of need (${n.area || 'no area'}): ${n.description}`);
  for (const p of form.provision) {
    lines.push(
      `Provision: ${p.intervention}; provided by ${p.providedBy}; ${p.frequency}; ${p.duration}; group ${p.groupSize}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
