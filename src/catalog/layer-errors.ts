import { WixhookError } from '../errors.js';

/** A layer's decoder was given something other than what it decodes (the claim string for its object, ...). */
export class DeliveryDataInputError extends WixhookError {
  static readonly code = 'ERR_DELIVERY_DATA_INPUT';

  constructor(message: string) {
    super(new.target.code, message);
  }
}
