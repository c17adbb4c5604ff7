/**
 * The part of the Adaptive Cards 1.5 schema our cards use, typed, so that a card built by a function
 * is checked by the compiler; tests validate every card against the official schema as well
 * (test/cards/, test/schemas/adaptive-card-1.5.json).
 *
 * @remarks Teams renders Adaptive Cards up to version 1.5 (DESIGN.md section 5).
 */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Teams refuses a message larger than about 28 KB, card included (Teams bot message size limit), so
 * every card is built to stay under it.
 */
export const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap?: boolean;
  readonly weight?: 'default' | 'lighter' | 'bolder';
  readonly size?: 'default' | 'small' | 'medium' | 'large' | 'extraLarge';
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly style?: 'default' | 'heading';
  readonly maxLines?: number;
}

export interface Column {
  readonly type: 'Column';
  readonly width?: 'auto' | 'stretch' | number | string;
  readonly items: readonly CardElement[];
  readonly verticalContentAlignment?: 'top' | 'center' | 'bottom';
}

export interface ColumnSet {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly spacing?: Spacing;
  readonly separator?: boolean;
}

export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly separator?: boolean;
  readonly spacing?: Spacing;
  readonly style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly spacing?: Spacing;
}

interface InputBase {
  readonly id: string;
  readonly label?: string;
  readonly isRequired?: boolean;
  /** Shown by the host under the input when its own check (required, regex) fails. */
  readonly errorMessage?: string;
  readonly spacing?: Spacing;
}

export interface InputText extends InputBase {
  readonly type: 'Input.Text';
  readonly value?: string;
  readonly placeholder?: string;
  readonly maxLength?: number;
  readonly isMultiline?: boolean;
}

export interface InputChoiceSet extends InputBase {
  readonly type: 'Input.ChoiceSet';
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  readonly value?: string;
  readonly style?: 'compact' | 'expanded';
  readonly placeholder?: string;
}

export interface InputDate extends InputBase {
  readonly type: 'Input.Date';
  /** `YYYY-MM-DD` */
  readonly value?: string;
}

export interface InputTime extends InputBase {
  readonly type: 'Input.Time';
  /** `HH:MM` */
  readonly value?: string;
}

export interface InputToggle extends InputBase {
  readonly type: 'Input.Toggle';
  readonly title: string;
  readonly value?: string;
  readonly valueOn?: string;
  readonly valueOff?: string;
}

export type CardInput = InputText | InputDate | InputTime | InputToggle | InputChoiceSet;

/** Buttons inside the body, e.g. one "Open" per row of a digest. */
export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
  readonly spacing?: Spacing;
}

export type CardElement = TextBlock | ColumnSet | Container | FactSet | CardInput | ActionSet;

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

/**
 * A Universal Action: Teams sends it to the bot as an `adaptiveCard/action` invoke, answered in the
 * HTTP response (teams/invoke-router.ts). `verb` is a key of the bot's card action table.
 */
export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data?: Readonly<Record<string, string>>;
  readonly style?: 'default' | 'positive' | 'destructive';
  /** `none` sends the action without checking the inputs on the client (the bot checks them). */
  readonly associatedInputs?: 'auto' | 'none';
  /**
   * What a client without Universal Actions shows instead: an `Action.Submit` whose `data` carries the
   * verb, which arrives as a `message` activity with `value` (teams/card-submit.ts).
   */
  readonly fallback?: SubmitAction;
}

/**
 * The pre-Universal-Actions button: the client posts a `message` activity whose `value` is `data`
 * merged with the card's inputs. Only used as an `Action.Execute`'s fallback.
 */
export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: Readonly<Record<string, string>>;
  readonly style?: 'default' | 'positive' | 'destructive';
  readonly associatedInputs?: 'auto' | 'none';
}

export type CardAction = OpenUrlAction | ExecuteAction;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof CARD_SCHEMA;
  readonly version: typeof CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly fallbackText?: string;
  /** Shown by screen readers and notifications. */
  readonly speak?: string;
  /**
   * Teams asks the bot for the card again when one of `userIds` (at most 60) views it: a user-specific
   * view, e.g. a receipt for the person who submitted and the form for the others.
   */
  readonly refresh?: { readonly action: ExecuteAction; readonly userIds?: readonly string[] };
}

/** The size Teams counts: the card as UTF-8 JSON. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
