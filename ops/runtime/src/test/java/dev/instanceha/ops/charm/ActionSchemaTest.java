package dev.instanceha.ops.charm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionSchemaTest {
    @TempDir
    Path dir;

    private ActionSchema schema() throws Exception {
        Path yaml = dir.resolve("actions.yaml");
        Files.writeString(yaml, """
                tune:
                  params:
                    ratio: {type: number, minimum: 0, maximum: 1}
                    force: {type: boolean}
                    hosts: {type: array}
                    extra: {type: object}
                    admin-password: {type: string}
                  required: [ratio]
                """);
        return ActionSchema.load(yaml);
    }

    @Test
    void typesAreNormalised() throws Exception {
        Map<String, Object> checked = schema().check(
                        "tune",
                        Map.of("ratio", "0.5", "force", "TRUE", "hosts", List.of("a"), "extra", Map.of("k", 1)));
        assertEquals(0.5, checked.get("ratio"));
        assertEquals(Boolean.TRUE, checked.get("force"));
        assertEquals(List.of("a"), checked.get("hosts"));
    }

    @Test
    void eachMismatchNamesTheParam() throws Exception {
        ActionSchema schema = schema();
        assertEquals(
                "parameter 'ratio' is required",
                assertThrows(ActionFailedException.class, () -> schema.check("tune", Map.of()))
                        .getMessage());
        assertEquals(
                "parameter 'ratio' must be at most 1, not '2'",
                assertThrows(ActionFailedException.class, () -> schema.check("tune", Map.of("ratio", 2)))
                        .getMessage());
        assertEquals(
                "parameter 'ratio' must be a number, not 'NaN'",
                assertThrows(ActionFailedException.class, () -> schema.check("tune", Map.of("ratio", "NaN")))
                        .getMessage());
        assertEquals(
                "parameter 'force' must be true or false, not 'yes'",
                assertThrows(
                                ActionFailedException.class,
                                () -> schema.check("tune", Map.of("ratio", 0, "force", "yes")))
                        .getMessage());
        assertEquals(
                "parameter 'hosts' must be a list, not 'a'",
                assertThrows(ActionFailedException.class, () -> schema.check("tune", Map.of("ratio", 0, "hosts", "a")))
                        .getMessage());
        String secret = assertThrows(
                        ActionFailedException.class,
                        () -> schema.check("tune", Map.of("ratio", 0, "admin-password", List.of("Hunter22"))))
                .getMessage();
        assertEquals("parameter 'admin-password' must be a string, not the value given", secret);
    }

    record Listing(Long limit, Long count) {}

    @Test
    void nullParamsAreAbsentAndTypedReadsNameTheParam() {
        Map<String, Object> given = new java.util.HashMap<>();
        given.put("limit", null);
        given.put("count", "abc");
        ActionContext action = new ActionContext("list", given, null);
        assertEquals(new Listing(null, null), new ActionContext("list", Map.of(), null).params(Listing.class));
        assertEquals(Map.of("count", "abc"), action.params());
        assertEquals(
                "parameter 'count' must be a whole number, not 'abc'",
                assertThrows(ActionFailedException.class, () -> action.params(Listing.class))
                        .getMessage());
    }

    @Test
    void undeclaredActionsAndParamsPassUnchanged() throws Exception {
        assertEquals(Map.of("x", "y"), schema().check("other", Map.of("x", "y")));
        assertTrue(ActionSchema.load(dir.resolve("missing.yaml")).actions().isEmpty());
        assertEquals("y", schema().check("tune", Map.of("ratio", 1, "x", "y")).get("x"));
    }

    @Test
    void thePackedJsonIsReadWhenThePackerWroteIt() throws Exception {
        Files.writeString(dir.resolve("actions.yaml"), "tune: {params: {ratio: {type: string}}}\n");
        Files.createDirectories(dir.resolve(".ops"));
        Files.writeString(
                dir.resolve(".ops/actions.json"),
                "{\"tune\":{\"params\":{\"ratio\":{\"type\":\"number\",\"maximum\":1}},\"required\":[\"ratio\"]}}");
        ActionSchema schema = ActionSchema.load(dir.resolve("actions.yaml"));
        assertEquals(0.5, schema.check("tune", Map.of("ratio", "0.5")).get("ratio"));
        assertEquals(
                "parameter 'ratio' must be at most 1, not '2'",
                assertThrows(ActionFailedException.class, () -> schema.check("tune", Map.of("ratio", 2)))
                        .getMessage());
    }
}
