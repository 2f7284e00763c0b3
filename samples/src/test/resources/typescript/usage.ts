// Calls every tool of the sample connectors the way model code would. Must type-check with
// tsc --noEmit --strict --lib es2022 together with the generated declarations.
async function useTasks(): Promise<string> {
  const task = await tasks.create({
    title: "Buy milk",
    notes: "the organic one",
    priority: "HIGH",
    due: "2026-12-01",
    tags: ["home", "shopping"],
  });
  const id: string = task.id;
  const bare = await tasks.create({ title: "Call Ann" });
  const page = await tasks.list({ status: "OPEN", tag: "home", dueBefore: "2026-12-31", offset: 0, limit: 10 });
  for (const item of page.items) {
    console.log(item.title, item.priority, item.due ?? "no due day", item.tags.join(","));
  }
  const next: number | null | undefined = page.nextOffset;
  const all = await tasks.list({});
  const found = await tasks.get({ id });
  const changed = await tasks.update({ id, changes: { status: "IN_PROGRESS", tags: ["errand"], notes: null } });
  const done = await tasks.complete({ id: bare.id });
  const deleted = await tasks.remove({ id: found.id });
  const counts = await tasks.summary({});
  const open: number | undefined = counts.OPEN;
  return [changed.status, done.status, deleted.title, String(next), String(all.total), String(open)].join(" ");
}

async function useTravel(): Promise<string> {
  const offers = await travel.searchFlights({ from: "FRA", to: "CDG", date: "2026-12-01", cabin: "BUSINESS", passengers: 2 });
  const cheapest = offers[0];
  const firstLeg = cheapest.segments[0];
  console.log(firstLeg.flightNumber, firstLeg.departure, cheapest.price.amount, cheapest.price.currency, cheapest.fareRules["refund"]);
  const booking = await travel.book({
    offerId: cheapest.id,
    passengers: [
      { firstName: "Ann", lastName: "Lee", birthDate: "1990-04-01", loyaltyNumber: "LH123" },
      { firstName: "Bo", lastName: "Lee", birthDate: "1992-06-30" },
    ],
    payment: { method: "card", cardId: "card-1" },
    note: "window seats please",
  });
  const paidBy = booking.payment.method === "card" ? booking.payment.cardId : booking.payment.code;
  const seated = await travel.chooseSeats({ reference: booking.reference, seats: { Lee: "12A" } });
  const again = await travel.booking({ reference: seated.reference });
  const cancelled = await travel.cancel({ reference: again.reference });
  const rates = await travel.exchangeRates({ base: "USD" });
  const voucher = await travel.book({
    offerId: offers[1].id,
    passengers: [{ firstName: "Cy", lastName: "Roe", birthDate: "2001-01-01" }],
    payment: { method: "voucher", code: "AB12CD34" },
  });
  return [paidBy, cancelled.status, String(rates["EUR"]), voucher.status].join(" ");
}
