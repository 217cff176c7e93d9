/**
 * Time zones the factories draw from: regional zones Wix supports, with and without DST, in
 * both hemispheres. Every zone's DST changes happen between 00:00 and 03:00 local time, and the
 * factories schedule events between 07:00 and 21:00, so no event falls in a skipped hour.
 */
export interface ZoneInfo {
  id: string;
  /** Whether the zone changes its offset during the year. */
  dst: boolean;
  /** Abbreviations Wix Events shows after a formatted time, by UTC offset in minutes; other offsets show as `GMT+h[:mm]`. */
  abbreviations?: Readonly<Record<number, string>>;
}

export const zones: readonly ZoneInfo[] = [
  { id: 'America/New_York', dst: true, abbreviations: { [-300]: 'EST', [-240]: 'EDT' } },
  { id: 'America/Chicago', dst: true, abbreviations: { [-360]: 'CST', [-300]: 'CDT' } },
  { id: 'America/Denver', dst: true, abbreviations: { [-420]: 'MST', [-360]: 'MDT' } },
  { id: 'America/Los_Angeles', dst: true, abbreviations: { [-480]: 'PST', [-420]: 'PDT' } },
  { id: 'America/Sao_Paulo', dst: false },
  { id: 'Europe/Dublin', dst: true, abbreviations: { 0: 'GMT', 60: 'IST' } },
  { id: 'Europe/London', dst: true, abbreviations: { 0: 'GMT', 60: 'BST' } },
  { id: 'Europe/Berlin', dst: true, abbreviations: { 60: 'CET', 120: 'CEST' } },
  { id: 'Asia/Jerusalem', dst: true },
  { id: 'Asia/Kolkata', dst: false },
  { id: 'Asia/Tokyo', dst: false },
  { id: 'Australia/Sydney', dst: true, abbreviations: { 600: 'AEST', 660: 'AEDT' } },
  { id: 'Pacific/Auckland', dst: true, abbreviations: { 720: 'NZST', 780: 'NZDT' } },
  { id: 'UTC', dst: false, abbreviations: { 0: 'UTC' } },
];

export const dstZones = zones.filter((zone) => zone.dst);

const byId = new Map(zones.map((zone) => [zone.id, zone]));

/** The abbreviation shown after a formatted time: `EST`, `CEST`, or `GMT+5:30` where none is common. */
export function zoneAbbreviation(timeZone: string, offset: number): string {
  const known = byId.get(timeZone)?.abbreviations?.[offset];
  if (known !== undefined) return known;
  if (offset === 0) return 'GMT';
  const sign = offset < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `GMT${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}
