package org.sevahub.portal.aaplesarkar;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;

import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.soap.SOAPConstants;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * SOAP 1.1 envelopes of MahaIT's ASMX service {@code Dept_Authentication.asmx} (namespace {@code http://tempuri.org/},
 * ASP.NET's default), built and read with SAAJ for both sides. Every XML text is parsed first by a DOM parser
 * with DOCTYPEs disallowed, so no external entity or entity expansion reaches SAAJ or the application.
 */
public final class AaplesarkarSoap {

	public static final String NAMESPACE = "http://tempuri.org/";

	public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

	private static final DocumentBuilderFactory FACTORY = hardened();

	private AaplesarkarSoap() {
	}

	/** A call: the web method and its string parameters, in order. */
	public record Call(String method, Map<String, String> parameters) {
	}

	/** SOAPAction header value for a method, as ASMX expects it. */
	public static String action(String method) {
		return "\"" + NAMESPACE + method + "\"";
	}

	public static byte[] request(String method, Map<String, String> parameters) {
		try {
			SOAPMessage message = factory().createMessage();
			SOAPElement call = message.getSOAPBody().addChildElement(new QName(NAMESPACE, method));
			parameters.forEach((name, value) -> {
				try {
					call.addChildElement(new QName(NAMESPACE, name)).addTextNode(value == null ? "" : value);
				}
				catch (SOAPException ex) {
					throw new IllegalStateException(ex);
				}
			});
			return write(message);
		}
		catch (SOAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code <MethodResponse><MethodResult>text</MethodResult></MethodResponse>}. */
	public static byte[] response(String method, String result) {
		try {
			SOAPMessage message = factory().createMessage();
			message.getSOAPBody()
				.addChildElement(new QName(NAMESPACE, method + "Response"))
				.addChildElement(new QName(NAMESPACE, method + "Result"))
				.addTextNode(result);
			return write(message);
		}
		catch (SOAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] fault(String faultCode, String faultString) {
		try {
			SOAPMessage message = factory().createMessage();
			message.getSOAPBody().addFault(new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, faultCode), faultString);
			return write(message);
		}
		catch (SOAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Reads a request envelope: the body's first element is the call. */
	public static Call readCall(byte[] envelope) {
		SOAPBody body = body(envelope);
		Element call = firstElement(body);
		if (call == null) {
			throw new AaplesarkarSoapException(AaplesarkarSoapException.UNREADABLE, "empty SOAP body");
		}
		return new Call(call.getLocalName(), childTexts(call));
	}

	/** The child elements of {@code parent} as local name (node name without a namespace) to text, in order. */
	static Map<String, String> childTexts(Element parent) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				texts.put(e.getLocalName() != null ? e.getLocalName() : e.getNodeName(), e.getTextContent());
			}
		}
		return texts;
	}

	/**
	 * The text of {@code <MethodResult>} in a response envelope.
	 * @throws AaplesarkarSoapException for a SOAP fault or an envelope that is not the method's response
	 */
	public static String readResult(byte[] envelope, String method) {
		SOAPBody body = body(envelope);
		if (body.hasFault()) {
			SOAPFault fault = body.getFault();
			throw new AaplesarkarSoapException(fault.getFaultCode(), fault.getFaultString());
		}
		Element response = firstElement(body);
		if (response == null || !(method + "Response").equals(response.getLocalName())) {
			throw new AaplesarkarSoapException(AaplesarkarSoapException.UNREADABLE, "not a " + method + "Response");
		}
		Element result = firstElement(response);
		if (result == null || !(method + "Result").equals(result.getLocalName())) {
			throw new AaplesarkarSoapException(AaplesarkarSoapException.UNREADABLE, "no " + method + "Result");
		}
		return result.getTextContent();
	}

	/** Parses an XML text (the answers carried inside the SOAP strings) with DOCTYPEs refused. */
	public static Document parse(String xml) {
		try {
			return builder().parse(new InputSource(new StringReader(xml)));
		}
		catch (SAXException | IOException ex) {
			throw new AaplesarkarSoapException(AaplesarkarSoapException.UNREADABLE, "not well-formed XML");
		}
	}

	private static SOAPBody body(byte[] envelope) {
		Document document;
		try {
			document = builder().parse(new ByteArrayInputStream(envelope));
		}
		catch (SAXException | IOException ex) {
			throw new AaplesarkarSoapException(AaplesarkarSoapException.UNREADABLE, "not a well-formed SOAP envelope");
		}
		try {
			SOAPMessage message = factory().createMessage();
			message.getSOAPPart().setContent(new DOMSource(document));
			return message.getSOAPBody();
		}
		catch (SOAPException ex) {
			throw new AaplesarkarSoapException(AaplesarkarSoapException.UNREADABLE, "not a SOAP 1.1 envelope");
		}
	}

	private static Element firstElement(Node parent) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				return e;
			}
		}
		return null;
	}

	private static byte[] write(SOAPMessage message) throws SOAPException {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MessageFactory factory() throws SOAPException {
		return MessageFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
	}

	private static DocumentBuilder builder() {
		try {
			return FACTORY.newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DocumentBuilderFactory hardened() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A SOAP fault from the counterpart ({@code soap:Client}, {@code soap:Server}, as it sent them), or an envelope
	 * or answer SevaHub could not read itself ({@link #UNREADABLE}, never a portal's own code).
	 */
	public static final class AaplesarkarSoapException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		/** SevaHub's own code for an envelope or answer it could not parse. */
		public static final String UNREADABLE = "sevahub:Unreadable";

		private final String faultCode;

		public AaplesarkarSoapException(String faultCode, String message) {
			super(message);
			this.faultCode = faultCode;
		}

		public String faultCode() {
			return faultCode;
		}

		/**
		 * The portal's {@code soap:Client} (or a {@code Client.} subcode): it says the request itself is wrong, so
		 * sending it again cannot help.
		 */
		public boolean clientFault() {
			if (faultCode == null || UNREADABLE.equals(faultCode)) {
				return false;
			}
			String local = faultCode.substring(faultCode.indexOf(':') + 1);
			return local.equals("Client") || local.startsWith("Client.");
		}

	}

}
