declare const petstore: {
  getPet(input: { petId: number }): Promise<unknown>;
  request(input: { path: string }): Promise<unknown>;
};
