import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import type { AdaptiveCard } from '../../bot/src/cards/adaptive-card.ts';

/** What the `adaptivecards` renderer made of a card: its parse errors, its inputs and its buttons. */
export interface Rendered {
  readonly errors: readonly string[];
  readonly inputs: readonly string[];
  readonly buttons: readonly (string | null)[];
}

/**
 * A page in `browser` holding Microsoft's `adaptivecards` renderer (its UMD build from the npm
 * package), and a function that parses and renders a card there.
 */
export async function cardRenderer(
  browser: Browser,
): Promise<{ readonly page: Page; readonly render: (card: AdaptiveCard) => Promise<Rendered> }> {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
  const page = await browser.newPage();
  await page.setContent('<!doctype html><div id="card"></div>');
  await page.addScriptTag({ content: source });
  const render = (card: AdaptiveCard) =>
    page.evaluate(
      (json) => {
        // biome-ignore lint/suspicious/noExplicitAny: the renderer's UMD global, typed by its own package
        const AC = (window as any).AdaptiveCards;
        const parsed = new AC.AdaptiveCard();
        const context = new AC.SerializationContext();
        parsed.parse(json, context);
        const element: HTMLElement = parsed.render();
        document.getElementById('card')?.replaceChildren(element);
        const errors: string[] = [];
        for (let i = 0; i < context.eventCount; i += 1) errors.push(context.getEventAt(i).message);
        return {
          errors,
          inputs: parsed.getAllInputs().map((input: { id: string }) => input.id),
          buttons: [...element.querySelectorAll('button')].map((b) => b.textContent),
        };
      },
      card as unknown as Record<string, unknown>,
    );
  return { page, render };
}
