/** Sends a text message to a mainland mobile number; a real gateway (阿里云/腾讯云短信) plugs in here. */
export abstract class SmsProvider {
  abstract send(phone: string, text: string): Promise<void>;
}
