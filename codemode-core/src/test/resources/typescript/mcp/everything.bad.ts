// Passes a string where everything.get_sum expects a number: must fail to type-check.
async function useEverythingWrongly(): Promise<void> {
  await everything.get_sum({ a: "1", b: 2 });
}
