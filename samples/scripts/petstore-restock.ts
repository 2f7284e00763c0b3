// A sample of what a model writes against the Petstore connector derived from
// samples/src/main/resources/petstore/petstore.yaml: tools are named after the spec's operationIds.
// Run it against the local server (dev.codemode.samples.petstore.PetstoreServer). The input shapes
// below (path and query parameters by name, the request body under `body`) are a first guess and
// may change with the connector.
interface Pet { id: number; name: string; status?: string }
interface Order { id: number; petId: number; quantity?: number; status?: string }

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
  await petstore.updatePetWithForm({ petId: pet.id, body: { name: pet.name, status: "sold" } });
  const updated: Pet = await petstore.getPetById({ petId: pet.id });
  console.log(`${updated.name} (pet ${updated.id}) is now ${updated.status}`);
}

const inventory: Record<string, number> = await petstore.getInventory({});
console.log(`inventory: ${JSON.stringify(inventory)}`);
return inventory;
