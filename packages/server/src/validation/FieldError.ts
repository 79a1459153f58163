/** One failing field: where and why. */
export interface FieldError {
  path: string;
  message: string;
}
