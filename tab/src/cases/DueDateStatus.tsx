import { Badge } from '@fluentui/react-components';
import { CheckmarkRegular, ClockRegular, InfoRegular, WarningFilled } from '@fluentui/react-icons';
import { type DateStatus, STATUS_WORDS } from './clock-rows.ts';

/**
 * How one statutory date stands, as a badge whose text says it (not its colour alone): red for
 * overdue, amber for due soon, neutral for recommended (guidance, never overdue), green for done.
 */
export function DueDateStatus({ status }: { readonly status: DateStatus }) {
  switch (status) {
    case 'overdue':
      return (
        <Badge appearance="filled" color="danger" shape="rounded" icon={<WarningFilled />}>
          {STATUS_WORDS.overdue}
        </Badge>
      );
    case 'due-soon':
      return (
        <Badge appearance="tint" color="warning" shape="rounded" icon={<ClockRegular />}>
          {STATUS_WORDS['due-soon']}
        </Badge>
      );
    case 'recommended':
      return (
        <Badge appearance="tint" color="informative" shape="rounded" icon={<InfoRegular />}>
          {STATUS_WORDS.recommended}
        </Badge>
      );
    case 'done':
      return (
        <Badge appearance="tint" color="success" shape="rounded" icon={<CheckmarkRegular />}>
          {STATUS_WORDS.done}
        </Badge>
      );
    case 'none':
      return null;
    default: {
      const unknown: never = status;
      throw new RangeError(`unknown date status: ${String(unknown)}`);
    }
  }
}
