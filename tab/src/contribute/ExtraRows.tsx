import { Button, Field, Input, makeStyles, Select, Text, Textarea, tokens } from '@fluentui/react-components';
import { AREAS_OF_NEED, type AreaOfNeed, type Provision } from '../../../bot/src/review/case.ts';
import { SMART_PROMPT } from '../../../bot/src/review/contribute/advice.ts';
import type { Problem } from '../../../bot/src/review/errors.ts';
import { type AdviceForm, EMPTY_PROVISION, fieldProblem, PROVISION_LABELS } from './advice-form.ts';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    paddingBlock: tokens.spacingVerticalS,
  },
  wide: { flexGrow: 1, minWidth: '30ch' },
});

export function areaWords(area: string): string {
  const text = area.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function AreaSelect({
  label,
  value,
  message,
  onChange,
}: {
  readonly label: string;
  readonly value: AreaOfNeed | '';
  readonly message: string | undefined;
  readonly onChange: (area: AreaOfNeed | '') => void;
}) {
  return (
    <Field label={label} required validationMessage={message}>
      <Select value={value} onChange={(_e, d) => onChange(d.value as AreaOfNeed | '')}>
        <option value="">Choose an area of need</option>
        {AREAS_OF_NEED.map((area) => (
          <option key={area} value={area}>
            {areaWords(area)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

interface RowsProps {
  readonly form: AdviceForm;
  readonly problems: readonly Problem[];
  readonly onForm: (form: AdviceForm) => void;
}

/** New outcomes (with the seed's SMART prompt), several of them. */
export function NewOutcomeRows({ form, problems, onForm }: RowsProps) {
  const styles = useStyles();
  const set = (rows: AdviceForm['newOutcomes']) => onForm({ ...form, newOutcomes: rows });
  return (
    <>
      <Text role="note">{SMART_PROMPT}</Text>
      {form.newOutcomes.map((row, index) => {
        const where = (field: string) => fieldProblem(problems, form, 'newOutcomes', index, field);
        const change = (next: Partial<(typeof form.newOutcomes)[number]>) =>
          set(form.newOutcomes.map((r, i) => (i === index ? { ...r, ...next } : r)));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own until saved.
          <fieldset key={index} className={styles.row} aria-label={`New outcome ${index + 1}`}>
            <AreaSelect
              label={`Area of need of new outcome ${index + 1}`}
              value={row.area}
              message={where('area')}
              onChange={(area) => change({ area })}
            />
            <Field
              className={styles.wide}
              label={`New outcome ${index + 1}`}
              required
              validationMessage={where('text')}
            >
              <Textarea value={row.text} onChange={(_e, d) => change({ text: d.value })} />
            </Field>
            <Button onClick={() => set(form.newOutcomes.filter((_r, i) => i !== index))}>Remove</Button>
          </fieldset>
        );
      })}
      <div>
        <Button onClick={() => set([...form.newOutcomes, { area: '', text: '' }])}>Add a new outcome</Button>
      </div>
    </>
  );
}

/** New areas of need, or changes to existing ones. */
export function NeedRows({ form, problems, onForm }: RowsProps) {
  const styles = useStyles();
  const set = (rows: AdviceForm['needs']) => onForm({ ...form, needs: rows });
  return (
    <>
      {form.needs.map((row, index) => {
        const where = (field: string) => fieldProblem(problems, form, 'needs', index, field);
        const change = (next: Partial<(typeof form.needs)[number]>) =>
          set(form.needs.map((r, i) => (i === index ? { ...r, ...next } : r)));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own until saved.
          <fieldset key={index} className={styles.row} aria-label={`Area of need ${index + 1}`}>
            <AreaSelect
              label={`Area of need ${index + 1}`}
              value={row.area}
              message={where('area')}
              onChange={(area) => change({ area })}
            />
            <Field
              className={styles.wide}
              label={`The need, new or changed, ${index + 1}`}
              required
              validationMessage={where('description')}
            >
              <Textarea value={row.description} onChange={(_e, d) => change({ description: d.value })} />
            </Field>
            <Button onClick={() => set(form.needs.filter((_r, i) => i !== index))}>Remove</Button>
          </fieldset>
        );
      })}
      <div>
        <Button onClick={() => set([...form.needs, { area: '', description: '' }])}>
          Add a new or changed area of need
        </Button>
      </div>
    </>
  );
}

/** Provision rows: intervention, who provides it, how often, for how long, group size. */
export function ProvisionRows({ form, problems, onForm }: RowsProps) {
  const styles = useStyles();
  const set = (rows: readonly Provision[]) => onForm({ ...form, provision: rows });
  const fields = Object.keys(PROVISION_LABELS) as (keyof Provision)[];
  return (
    <>
      {form.provision.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own until saved.
        <fieldset key={index} className={styles.row} aria-label={`Provision ${index + 1}`}>
          {fields.map((field) => (
            <Field
              key={field}
              label={`${PROVISION_LABELS[field]} (provision ${index + 1})`}
              required
              validationMessage={fieldProblem(problems, form, 'provision', index, field)}
            >
              <Input
                value={row[field]}
                onChange={(_e, d) =>
                  set(form.provision.map((r, i) => (i === index ? { ...r, [field]: d.value } : r)))
                }
              />
            </Field>
          ))}
          <Button onClick={() => set(form.provision.filter((_r, i) => i !== index))}>Remove</Button>
        </fieldset>
      ))}
      <div>
        <Button onClick={() => set([...form.provision, EMPTY_PROVISION])}>Add a provision row</Button>
      </div>
    </>
  );
}
