/**
 * What a result is: `complete` (the final result), `input_required` (an
 * `InputRequiredResult`) or, with the tasks extension, `task` (a task handle). Open-ended
 * for future kinds.
 */
export type ResultType = 'complete' | 'input_required' | 'task' | (string & {});
