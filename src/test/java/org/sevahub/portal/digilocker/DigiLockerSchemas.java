package org.sevahub.portal.digilocker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DigiLocker's XML checked against the component schemas of its OpenAPI spec (an OpenAPI 3.0 schema is a
 * draft-04 JSON Schema with extra keywords). The XML is projected the way the spec's {@code xml.attribute}
 * hints describe: attributes and child elements become properties.
 *
 * <p>The spec's {@code required} lists for {@code DocDetails} contradict its own descriptions: they require
 * UID, FullName, DOB, Photo and every UDF, each described as "sent only if the issuer opts for it", and both
 * DocContent and DataContent, each described as sent only for some formats. Those lists are narrowed to what
 * the descriptions make mandatory; the format-dependent content is asserted by the tests themselves.
 */
final class DigiLockerSchemas {

	private static final Map<String, List<String>> DOC_DETAILS_REQUIRED = Map.of("PullURIRequest",
			List.of("DocType", "DigiLockerId"), "PullURIResponse", List.of("DocType", "DigiLockerId", "URI"),
			"PullDocRequest", List.of("URI", "DigiLockerId"), "PullDocResponse", List.of());

	private static final JsonNode COMPONENTS = load();

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

	private DigiLockerSchemas() {
	}

	/** Asserts that the XML document validates against the spec's schema named like its root element. */
	static void assertValid(byte[] xml, boolean refusal) {
		Element root = parse(xml);
		String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
		ObjectNode schema = COMPONENTS.get(name).deepCopy();
		ArrayNode required = ((ObjectNode) schema.get("properties").get("DocDetails")).putArray("required");
		if (!refusal) {
			DOC_DETAILS_REQUIRED.get(name).forEach(required::add);
		}
		List<Error> errors = REGISTRY.getSchema(schema).validate(project(root));
		assertThat(errors).as("%s against the spec's %s schema", new String(xml, java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse(""), name).isEmpty();
	}

	private static ObjectNode project(Element element) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node attribute = attributes.item(i);
			if (!attribute.getNodeName().startsWith("xmlns")) {
				node.put(attribute.getNodeName(), attribute.getNodeValue());
			}
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child) {
				boolean hasElements = false;
				for (Node n = child.getFirstChild(); n != null; n = n.getNextSibling()) {
					hasElements |= n instanceof Element;
				}
				if (hasElements || child.hasAttributes()) {
					node.set(child.getLocalName(), project(child));
				}
				else {
					node.put(child.getLocalName(), child.getTextContent());
				}
			}
		}
		return node;
	}

	private static Element parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
		}
		catch (Exception ex) {
			throw new AssertionError("Not well-formed XML: " + new String(xml, java.nio.charset.StandardCharsets.UTF_8), ex);
		}
	}

	private static JsonNode load() {
		try (InputStream in = DigiLockerSchemas.class.getResourceAsStream("/digilocker-spec/openapi.yaml")) {
			return new ObjectMapper(new YAMLFactory()).readTree(in).get("components").get("schemas");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
