import { WixhookError } from '../errors.js';

/** An option of `createWixMock` (or `wixhook serve`) that the mock cannot work with; `option` names it. */
export class InvalidMockOptionError extends WixhookError {
  static readonly code = 'ERR_INVALID_MOCK_OPTION';
  /** The option, e.g. `appId`. */
  readonly option: string;

  constructor(option: string, problem: string) {
    super(new.target.code, `${option}: ${problem}`);
    this.option = option;
  }
}
