package org.sevahub.certificate;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks the signatures of a PDF with Bouncy Castle: each signed byte range against its CMS, and the signer's
 * certificate inside it. One changed byte anywhere in the signed ranges breaks it.
 */
public final class PdfSignatures {

	/**
	 * @param intact     the signature matches the bytes it covers
	 * @param coversAll  the signed ranges cover the whole file but the signature itself (nothing appended)
	 */
	public record Result(boolean intact, boolean coversAll, String subFilter, X509Certificate signer) {
	}

	private PdfSignatures() {
	}

	/** The certificate that signed the whole stored PDF, if its one signature is intact and covers it all. */
	public static Optional<X509Certificate> intactSigner(byte[] pdf) {
		try {
			List<Result> results = verify(pdf);
			return results.size() == 1 && results.get(0).intact() && results.get(0).coversAll()
					? Optional.of(results.get(0).signer()) : Optional.empty();
		}
		catch (IOException unreadable) {
			return Optional.empty();
		}
	}

	public static List<Result> verify(byte[] pdf) throws IOException {
		List<Result> results = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (PDSignature signature : document.getSignatureDictionaries()) {
				byte[] content = signature.getSignedContent(pdf);
				int[] range = signature.getByteRange();
				boolean coversAll = range.length == 4 && range[0] == 0 && range[2] + range[3] == pdf.length;
				X509Certificate certificate = null;
				try {
					CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), signature.getContents(pdf));
					SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
					certificate = certificateOf(cms, signer);
					boolean intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
					results.add(new Result(intact, coversAll, signature.getSubFilter(), certificate));
				}
				catch (CMSSignerDigestMismatchException changed) {
					// The bytes differ from what was signed: the signature is broken, the signer still known.
					results.add(new Result(false, coversAll, signature.getSubFilter(), certificate));
				}
				catch (CMSException | OperatorCreationException | CertificateException unreadable) {
					results.add(new Result(false, coversAll, signature.getSubFilter(), null));
				}
			}
		}
		return results;
	}

	private static X509Certificate certificateOf(CMSSignedData cms, SignerInformation signer) throws CertificateException {
		@SuppressWarnings("unchecked")
		Collection<X509CertificateHolder> holders = cms.getCertificates().getMatches(signer.getSID());
		return new JcaX509CertificateConverter().getCertificate(holders.iterator().next());
	}

}
