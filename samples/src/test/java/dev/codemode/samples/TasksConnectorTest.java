package dev.codemode.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.samples.ToolCalls.json;

import dev.codemode.core.ToolInputException;
import dev.codemode.samples.tasks.TasksConnector;
import dev.codemode.samples.tasks.TasksConnector_Codemode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The task manager sample, driven through its generated dispatch table with JSON. */
class TasksConnectorTest {

  private final ToolCalls<TasksConnector> tasks =
      new ToolCalls<>(
          new TasksConnector_Codemode(),
          new TasksConnector(Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC)));

  private String create(String title, String priority, String due) {
    String dueJson = due == null ? "" : ",'due':'" + due + "'";
    return tasks
        .call("create", "{'title':'" + title + "','priority':'" + priority + "'" + dueJson + "}")
        .get("id")
        .asString();
  }

  @Test
  void createsATaskWithDefaultsAndNormalizedTags() {
    JsonNode task = tasks.call("create", "{'title':'  Buy milk ','tags':['Home',' home','Shopping']}");
    assertThat(task.get("title").asString()).isEqualTo("Buy milk");
    assertThat(task.get("priority").asString()).isEqualTo("NORMAL");
    assertThat(task.get("status").asString()).isEqualTo("OPEN");
    assertThat(task.get("notes").isNull()).isTrue();
    assertThat(task.get("due").isNull()).isTrue();
    assertThat(task.get("tags")).isEqualTo(json("['home','shopping']"));
    assertThat(task.get("created").asString()).isEqualTo("2026-11-21T09:00:00Z");
  }

  @Test
  void listsMostUrgentFirstWithFiltersAndPages() {
    create("Later", "LOW", "2026-12-24");
    create("Soon", "HIGH", "2026-12-01");
    create("Sooner", "HIGH", "2026-11-25");
    create("Whenever", "NORMAL", null);
    JsonNode page = tasks.call("list", "{'limit':2}");
    assertThat(page.get("total").asInt()).isEqualTo(4);
    assertThat(page.get("nextOffset").asInt()).isEqualTo(2);
    assertThat(titles(page)).isEqualTo("Sooner,Soon");
    JsonNode rest = tasks.call("list", "{'offset':2,'limit':2}");
    assertThat(titles(rest)).isEqualTo("Whenever,Later");
    assertThat(rest.get("nextOffset").isNull()).isTrue();
    assertThat(titles(tasks.call("list", "{'dueBefore':'2026-12-01'}"))).isEqualTo("Sooner,Soon");
    assertThat(tasks.call("list", "{'status':'DONE'}").get("total").asInt()).isEqualTo(0);
  }

  private static String titles(JsonNode page) {
    StringBuilder out = new StringBuilder();
    for (JsonNode task : page.get("items")) {
      out.append(out.length() == 0 ? "" : ",").append(task.get("title").asString());
    }
    return out.toString();
  }

  @Test
  void updatesOnlyWhatIsGiven() {
    String id = create("Draft", "LOW", "2026-12-01");
    JsonNode updated =
        tasks.call(
            "update",
            "{'id':'" + id + "','changes':{'status':'IN_PROGRESS','tags':['Work'],'notes':'call first'}}");
    assertThat(updated.get("status").asString()).isEqualTo("IN_PROGRESS");
    assertThat(updated.get("tags")).isEqualTo(json("['work']"));
    assertThat(updated.get("notes").asString()).isEqualTo("call first");
    assertThat(updated.get("title").asString()).isEqualTo("Draft");
    assertThat(updated.get("due").asString()).isEqualTo("2026-12-01");
    assertThat(tasks.call("complete", "{'id':'" + id + "'}").get("status").asString())
        .isEqualTo("DONE");
    assertThat(tasks.call("summary", "{}")).isEqualTo(json("{'OPEN':0,'IN_PROGRESS':0,'DONE':1}"));
  }

  @Test
  void deleteAndRestoreThroughTheRevertMethod() {
    String id = create("Keep me", "NORMAL", null);
    String input = "{'id':'" + id + "'}";
    JsonNode deleted = tasks.call("remove", input);
    assertThat(tasks.fail("get", input)).isInstanceOf(NoSuchElementException.class);
    tasks.revert("remove", input, deleted);
    assertThat(tasks.call("get", input)).isEqualTo(deleted);
  }

  @Test
  void createIsUndoneByItsRevertMethod() {
    String input = "{'title':'Temporary'}";
    JsonNode created = tasks.call("create", input);
    tasks.revert("create", input, created);
    assertThat(tasks.call("list", "{}").get("total").asInt()).isEqualTo(0);
  }

  @Test
  void toolErrorsKeepTheirMessage() {
    Throwable failure = tasks.fail("get", "{'id':'0f8fad5b-d9cb-469f-a165-70867728950e'}");
    assertThat(failure).isInstanceOf(NoSuchElementException.class);
    assertThat(failure)
        .hasMessageThat()
        .isEqualTo("There is no task with id 0f8fad5b-d9cb-469f-a165-70867728950e");
  }

  @Test
  void badInputSaysWhatWasExpected() {
    assertThat(tasks.fail("create", "{'title':5}"))
        .hasMessageThat()
        .isEqualTo("tasks.create: property \"title\" expected string, got number 5");
    assertThat(tasks.fail("create", "{'titel':'x'}"))
        .hasMessageThat()
        .isEqualTo(
            "tasks.create: unknown property \"titel\" (did you mean \"title\"?); known properties:"
                + " title, notes, priority, due, tags");
    assertThat(tasks.fail("list", "{'status':'CLOSED'}"))
        .hasMessageThat()
        .isEqualTo(
            "tasks.list: property \"status\" expected Status | null, got string \"CLOSED\"");
    Throwable notAUuid = tasks.fail("get", "{'id':'42'}");
    assertThat(notAUuid).isInstanceOf(ToolInputException.class);
    assertThat(notAUuid).hasMessageThat().startsWith("tasks.get: property \"id\" expected string");
    assertThat(((ToolInputException) notAUuid).property()).isEqualTo("id");
  }
}
