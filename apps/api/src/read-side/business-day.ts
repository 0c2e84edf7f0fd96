/** A date 'YYYY-MM-DD' means the end of that day in China (UTC+8); an ISO time means itself. */
export function endOfBusinessDay(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999+08:00`) : new Date(value);
}
