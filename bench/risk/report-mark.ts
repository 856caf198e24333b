/** Marks the line of a run's output that holds its report, among the worker's and the server's log lines. */
export const reportMark = 'bench:risk report ';
