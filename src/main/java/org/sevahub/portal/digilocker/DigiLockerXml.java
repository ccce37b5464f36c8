package org.sevahub.portal.digilocker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import org.springframework.http.HttpStatus;

/**
 * Reads DigiLocker's requests and writes SevaHub's answers with the JDK's own XML parser, hardened: a DOCTYPE
 * is refused outright, so neither external entities (XXE) nor entity expansion (billion laughs) can happen.
 * Elements are read by local name, so DigiLocker's namespaced and plain samples both parse.
 */
final class DigiLockerXml {

	private static final DocumentBuilderFactory FACTORY = hardenedFactory();

	private DigiLockerXml() {
	}

	static PullRequest parse(byte[] body, String expectedRoot) {
		Element root = read(body).getDocumentElement();
		if (!expectedRoot.equals(root.getLocalName())) {
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST,
					"Expected a " + expectedRoot + " document, got " + root.getLocalName());
		}
		Map<String, String> details = new LinkedHashMap<>();
		Element docDetails = child(root, "DocDetails");
		if (docDetails == null) {
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, expectedRoot + " has no DocDetails");
		}
		NodeList children = docDetails.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element element) {
				details.put(element.getLocalName(), element.getTextContent());
			}
		}
		return new PullRequest(expectedRoot, attribute(root, "ver"), attribute(root, "ts"), attribute(root, "txn"),
				attribute(root, "orgId"), attribute(root, "format"), details);
	}

	/**
	 * An answer: {@code <root><ResponseStatus Status ts txn>status</ResponseStatus><DocDetails>...}. Values
	 * are written in the order given; nulls are left out.
	 */
	static String answer(String root, String status, String ts, String txn, Map<String, String> details) {
		try {
			Document document = FACTORY.newDocumentBuilder().newDocument();
			Element response = document.createElement(root);
			document.appendChild(response);
			Element responseStatus = document.createElement("ResponseStatus");
			responseStatus.setAttribute("Status", status);
			responseStatus.setAttribute("ts", ts == null ? "" : ts);
			responseStatus.setAttribute("txn", txn == null ? "" : txn);
			responseStatus.setTextContent(status);
			response.appendChild(responseStatus);
			Element docDetails = document.createElement("DocDetails");
			details.forEach((name, value) -> {
				if (value != null) {
					Element element = document.createElement(name);
					element.setTextContent(value);
					docDetails.appendChild(element);
				}
			});
			response.appendChild(docDetails);
			Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			transformer.setOutputProperty(OutputKeys.STANDALONE, "yes");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return out.toString();
		}
		catch (ParserConfigurationException | TransformerException ex) {
			throw new IllegalStateException("Cannot write a DigiLocker answer", ex);
		}
	}

	private static Document read(byte[] body) {
		try {
			DocumentBuilder builder = FACTORY.newDocumentBuilder();
			// The parser would otherwise print "[Fatal Error]" to stderr for every piece of garbage it is sent.
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(body));
		}
		catch (SAXException ex) {
			String why = ex.getMessage() != null && ex.getMessage().contains("DOCTYPE")
					? "DOCTYPE declarations are not accepted" : "The body is not well-formed XML";
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, why);
		}
		catch (ParserConfigurationException | IOException ex) {
			throw new DigiLockerRefusal(HttpStatus.BAD_REQUEST, "The body cannot be read as XML");
		}
	}

	private static Element child(Element parent, String localName) {
		NodeList children = parent.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			Node node = children.item(i);
			if (node instanceof Element element && localName.equals(element.getLocalName())) {
				return element;
			}
		}
		return null;
	}

	private static String attribute(Element element, String name) {
		return element.hasAttribute(name) ? element.getAttribute(name) : null;
	}

	private static DocumentBuilderFactory hardenedFactory() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The XML parser cannot be hardened", ex);
		}
	}

}
