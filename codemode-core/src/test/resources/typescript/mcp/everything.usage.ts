// Calls every tool of everything.d.ts correctly: must type-check. This file is only type-checked,
// never run, so no tool of the server (get_env included) is ever called.
async function useEverything(): Promise<void> {
  await everything.echo({ message: "hello" });
  await everything.get_annotated_message({ messageType: "error", includeImage: false });
  await everything.get_env({});
  await everything.get_resource_links({ count: 3 });
  await everything.get_resource_reference({ resourceType: "Text", resourceId: 1 });
  const weather = await everything.get_structured_content({ location: "Chicago" });
  const celsius: number = weather.temperature;
  await everything.get_sum({ a: 1, b: 2 });
  await everything.get_tiny_image({});
  await everything.gzip_file_as_resource({ name: "a.gz", data: "data:text/plain,hi", outputType: "resource" });
  await everything.toggle_simulated_logging({});
  await everything.toggle_subscriber_updates({});
  await everything.trigger_long_running_operation({ duration: 1, steps: 2 });
  await everything.get_roots_list({});
  await everything.trigger_elicitation_request({});
  await everything.trigger_url_elicitation({ url: "https://example.com/", errorPath: false });
  await everything.trigger_sampling_request({ prompt: "Say hi", maxTokens: 10 });
  await everything.simulate_research_query({ topic: "types", ambiguous: true });
  await everything.trigger_sampling_request_async({ prompt: "Say hi" });
  await everything.trigger_elicitation_request_async({});
  console.log(celsius, weather.conditions);
}
