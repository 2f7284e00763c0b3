// "cash" is not a payment method: tsc must reject this.
async function wrongPayment(): Promise<void> {
  await travel.book({ offerId: "x", passengers: [], payment: { method: "cash" } });
}
