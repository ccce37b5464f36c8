package org.sevahub.portal.dci;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The IBR spec's own schemas (src/test/resources/dci-spec, copied from the spec), by endpoint: what a request
 * body to each path must be, and the spec's acknowledgement and error bodies. OpenAPI 3.0 schemas are read as
 * JSON Schema draft 4, which they extend.
 */
final class DciSpec {

	private static final String FILE = resolvedSpec();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	private DciSpec() {
	}

	/** Violations of the request-body schema of {@code path} (such as {@code /registry/sync/search}). */
	static List<Error> requestErrors(String path, JsonNode body) {
		return schema("#/paths/" + path.replace("~", "~0").replace("/", "~1")
				+ "/post/requestBody/content/application~1json/schema").validate(body);
	}

	/** Violations of the schema of what {@code path} answers (its {@code default} response). */
	static List<Error> responseErrors(String path, JsonNode body) {
		return schema("#/paths/" + path.replace("~", "~0").replace("/", "~1")
				+ "/post/responses/default/content/application~1json/schema").validate(body);
	}

	static List<Error> ackErrors(JsonNode body) {
		return schema("#/components/responses/Response/content/application~1json/schema").validate(body);
	}

	static List<Error> httpErrorErrors(JsonNode body) {
		return schema("#/components/responses/HttpErrorResponse/content/application~1json/schema").validate(body);
	}

	static List<Error> componentErrors(String component, JsonNode body) {
		return schema("#/components/schemas/" + component).validate(body);
	}

	/**
	 * The bundled file's generator wrote some {@code $ref}s as pointers that run through another {@code $ref}
	 * ({@code .../message/oneOf/0/properties/search_request/...}, where {@code oneOf/0} is itself a reference),
	 * which JSON Pointer cannot follow. Each is rewritten to the direct pointer it means; nothing else changes.
	 */
	private static String resolvedSpec() {
		try (InputStream in = DciSpec.class.getResourceAsStream("/dci-spec/ibr_api_v1.0.0.yaml")) {
			JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(in);
			rewriteRefs(spec, spec);
			// Beside the original on the test classpath, where the validator's default loader reads.
			Path file = Path.of(DciSpec.class.getResource("/dci-spec/README.md").toURI()).resolveSibling("ibr-refs-resolved.json");
			new ObjectMapper().writeValue(file.toFile(), spec);
			return "classpath:dci-spec/ibr-refs-resolved.json";
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void rewriteRefs(JsonNode root, JsonNode node) {
		if (node.isObject()) {
			JsonNode ref = node.get("$ref");
			if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")) {
				((ObjectNode) node).put("$ref", "#" + direct(root, ref.asText().substring(1)));
			}
			node.forEach(child -> rewriteRefs(root, child));
		}
		else if (node.isArray()) {
			node.forEach(child -> rewriteRefs(root, child));
		}
	}

	/** The pointer to where {@code pointer} leads when every {@code $ref} met on the way is followed. */
	private static String direct(JsonNode root, String pointer) {
		String path = "";
		JsonNode at = root;
		for (String token : pointer.substring(1).split("/")) {
			while (at.has("$ref") && !at.has(unescape(token))) {
				path = direct(root, at.get("$ref").asText().substring(1));
				at = root.at(path);
			}
			at = at.isArray() ? at.path(Integer.parseInt(token)) : at.path(unescape(token));
			path = path + "/" + token;
		}
		return path;
	}

	private static String unescape(String token) {
		return token.replace("~1", "/").replace("~0", "~");
	}

	private static Schema schema(String pointer) {
		return SCHEMAS.computeIfAbsent(pointer, p -> {
			Schema schema = REGISTRY.getSchema(SchemaLocation.of(FILE + p));
			schema.initializeValidators();
			return schema;
		});
	}

}
