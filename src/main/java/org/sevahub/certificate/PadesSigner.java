package org.sevahub.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF the PAdES way (ETSI EN 319 142-1, baseline B-B): PDFBox makes the signature dictionary with
 * SubFilter {@code ETSI.CAdES.detached} and hands over the byte ranges; Bouncy Castle makes the detached CMS with
 * the content-type, message-digest and signing-certificate-v2 attributes and no signing-time (PAdES keeps the
 * time in the dictionary's M entry).
 */
final class PadesSigner {

	private PadesSigner() {
	}

	static byte[] sign(byte[] pdf, SigningIdentity identity, Instant at, String reason, String location) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
			signature.setName(identity.certificate().getSubjectX500Principal().getName());
			signature.setReason(reason);
			signature.setLocation(location);
			Calendar when = Calendar.getInstance();
			when.setTimeInMillis(at.toEpochMilli());
			signature.setSignDate(when);
			try (SignatureOptions options = new SignatureOptions()) {
				options.setPreferredSignatureSize(20_000);
				document.addSignature(signature, content -> cms(content, identity), options);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				document.saveIncremental(out);
				return out.toByteArray();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot sign the certificate PDF", ex);
		}
	}

	private static byte[] cms(InputStream content, SigningIdentity identity) throws IOException {
		try {
			byte[] signed = content.readAllBytes();
			ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
					MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded()));
			ASN1EncodableVector attributes = new ASN1EncodableVector();
			attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
					new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { certId }))));
			CMSAttributeTableGenerator withoutSigningTime = new DefaultSignedAttributeTableGenerator(
					new AttributeTable(attributes)) {
				@Override
				protected Hashtable<?, ?> createStandardAttributeTable(Map parameters) {
					Hashtable<?, ?> standard = super.createStandardAttributeTable(parameters);
					standard.remove(CMSAttributes.signingTime);
					return standard;
				}
			};
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(
					new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
						.setSignedAttributeGenerator(withoutSigningTime)
						.build(new JcaContentSignerBuilder("SHA256withRSA").build(identity.key()), identity.certificate()));
			generator.addCertificates(new JcaCertStore(List.of(identity.certificate())));
			return generator.generate(new CMSProcessableByteArray(signed), false).getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException ex) {
			throw new IOException("Cannot make the CMS signature", ex);
		}
	}

}
