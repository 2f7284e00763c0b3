// What a model writes against the Petstore connector (samples: PetstoreConnector), whose tools are
// derived at compile time from samples/src/main/resources/petstore/petstore.yaml and named after
// the spec's operationIds. Path and query parameters are properties of the one input object; the
// request body is `body`. The types (Pet, Order, ...) come from the connector's .d.ts.
// samples/demo.sh runs it against the local PetstoreServer.
const available: Pet[] = await petstore.findPetsByStatus({ status: ["available"] });
console.log(`${available.length} pet(s) available: ${available.map((p) => p.name).join(", ")}`);
if (available.length < 2) {
  return { error: "fewer than two pets available", inventory: await petstore.getInventory({}) };
}

// Order two of them at once.
const chosen = available.slice(0, 2);
const orders: Order[] = await Promise.all(
  chosen.map((pet) =>
    petstore.placeOrder({
      body: { petId: pet.id, quantity: 1, shipDate: new Date().toISOString(), status: "placed" },
    }),
  ),
);
for (const order of orders) {
  console.log(`placed order ${order.id} for pet ${order.petId}`);
}

// Mark them sold through the form endpoint, then read them back.
for (const pet of chosen) {
  await petstore.updatePetWithForm({ petId: pet.id!, body: { name: pet.name, status: "sold" } });
  const updated = await petstore.getPetById({ petId: pet.id! });
  console.log(`${updated.name} (pet ${updated.id}) is now ${updated.status}`);
}

const inventory = await petstore.getInventory({});
console.log(`inventory: ${JSON.stringify(inventory)}`);
return inventory;
