import type { ChannelLink } from '../review/digest.ts';
import { DEMO_LA, demoSettingName } from './northshire.ts';

/** What a digest calls a link in local mode: the demo setting's or the demo LA's name. */
export function demoLinkName(link: ChannelLink): string {
  if (link.kind === 'setting') return demoSettingName(link.settingUrn) ?? `setting ${link.settingUrn}`;
  return link.laCode === DEMO_LA.code ? DEMO_LA.name : `LA ${link.laCode}`;
}
