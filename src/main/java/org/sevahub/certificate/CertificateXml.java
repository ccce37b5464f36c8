package org.sevahub.certificate;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.sevahub.document.DocumentService.ReliedDocument;
import org.w3c.dom.Element;

/**
 * The machine-readable form of a certificate, in the shape DigiLocker's issued-document XML uses (a Certificate
 * with IssuedBy, IssuedTo and CertificateData); what DigiLocker gets as DataContent. Built with the JDK's DOM, its
 * factories named directly ({@code newDefaultInstance}): {@code newInstance} searches every jar on the class path for
 * another provider on each call, which under load cost a tenth of issuing a certificate.
 */
final class CertificateXml {

	private CertificateXml() {
	}

	/** @param zone the department's time zone: the issue date is the one printed on the PDF, not UTC's */
	static String of(Certificate c, String serviceName, String department, Map<String, String> fields,
			List<ReliedDocument> documents, java.time.ZoneId zone) {
		try {
			Document xml = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
			Element root = xml.createElement("Certificate");
			root.setAttribute("language", "99");
			root.setAttribute("name", serviceName);
			root.setAttribute("type", c.docType() == null ? "" : c.docType());
			root.setAttribute("number", c.certificateNo());
			root.setAttribute("issueDate", c.issuedAt().atZone(zone).toLocalDate().toString());
			root.setAttribute("expiryDate", c.validUntil() == null ? "" : c.validUntil().toString());
			root.setAttribute("status", "A");
			xml.appendChild(root);
			Element issuedBy = xml.createElement("IssuedBy");
			Element organization = xml.createElement("Organization");
			organization.setAttribute("name", department);
			issuedBy.appendChild(organization);
			root.appendChild(issuedBy);
			Element issuedTo = xml.createElement("IssuedTo");
			Element person = xml.createElement("Person");
			person.setAttribute("name", c.holderName());
			person.setAttribute("nameLocal", c.holderNameLocal() == null ? "" : c.holderNameLocal());
			person.setAttribute("dob", c.holderDob() == null ? "" : c.holderDob().toString());
			issuedTo.appendChild(person);
			root.appendChild(issuedTo);
			Element data = xml.createElement("CertificateData");
			fields.forEach((label, value) -> {
				Element field = xml.createElement("Field");
				field.setAttribute("label", label);
				field.setTextContent(value);
				data.appendChild(field);
			});
			root.appendChild(data);
			// The supporting documents the decision relied on (not part of DigiLocker's schema: an issuer's own element).
			Element supporting = xml.createElement("SupportingDocuments");
			for (ReliedDocument d : documents) {
				Element document = xml.createElement("Document");
				document.setAttribute("code", d.code());
				document.setAttribute("name", d.name());
				document.setAttribute("fileName", d.fileName());
				document.setAttribute("mediaType", d.mediaType());
				document.setAttribute("sha256", d.sha256());
				document.setAttribute("verified", String.valueOf(d.accepted()));
				supporting.appendChild(document);
			}
			root.appendChild(supporting);
			Transformer out = TransformerFactory.newDefaultInstance().newTransformer();
			out.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			out.setOutputProperty(OutputKeys.INDENT, "yes");
			StringWriter text = new StringWriter();
			out.transform(new DOMSource(xml), new StreamResult(text));
			return text.toString();
		}
		catch (ParserConfigurationException | TransformerException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
