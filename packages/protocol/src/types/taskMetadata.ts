/** Value of a request's `task` field: asks for task-augmented execution (legacy). */
export interface TaskMetadata {
  /** Requested retention from creation, in ms. */
  ttl?: number;
}
