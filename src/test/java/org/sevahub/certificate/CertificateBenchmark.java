package org.sevahub.certificate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.application.ApplicationService;
import org.sevahub.application.NewApplication;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubBenchmark;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Certificates a second: laying out the PDF alone, laying out and signing (PAdES with the demo RSA key), and the
 * whole issue (number, render, sign, XML, store in PostgreSQL), measured side by side, alternating, in one run;
 * and what reading each QR symbol back before it is printed costs.
 * Run: {@code ./mvnw -Pbench test -Dtest=CertificateBenchmark}. Figures: BENCHMARKS.md.
 */
@SevaHubBenchmark
class CertificateBenchmark {

	static final int ROUNDS = 7;

	static final int PER_ROUND = 40;

	@Autowired
	ApplicationService applications;

	@Autowired
	CertificateService certificates;

	@Test
	void certificatesPerSecond() {
		Application app = applications.create(NewApplication.direct("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT")));
		CertificateService.Draft draft = certificates.draft(app, "IC-2026-999999");
		List<Double> render = new ArrayList<>();
		List<Double> renderAndSign = new ArrayList<>();
		List<Double> issue = new ArrayList<>();
		List<Double> encodeOnly = new ArrayList<>();
		List<Double> readBack = new ArrayList<>();
		String address = "https://seva.example.gov.in/verify/IC-2026-999999";
		for (int round = 0; round <= ROUNDS; round++) {
			double r = perSecond(() -> certificates.render(draft));
			double rs = perSecond(() -> certificates.sign(draft, certificates.render(draft)));
			double i = perSecond(() -> {
				Application each = applications.create(NewApplication.direct("INCOME-CERT", ProcessDriver.validForm("INCOME-CERT")));
				return certificates.issue(each);
			});
			// The QR symbol as ZXing encodes it, and as certificates get it: encoded, then read back (QrCodes).
			double e = perSecond(() -> QrCodes.encode(address, null));
			double q = perSecond(() -> QrCodes.modules(address));
			if (round > 0) {
				encodeOnly.add(e);
				readBack.add(q);
				render.add(r);
				renderAndSign.add(rs);
				issue.add(i);
			}
		}
		System.out.printf("CERTIFICATES income certificate, medians of %d rounds of %d: render alone %.1f/s, "
				+ "render + sign %.1f/s (%.2f of render alone), issue incl. application, number, XML and PostgreSQL %.1f/s%n",
				ROUNDS, PER_ROUND, median(render), median(renderAndSign), median(renderAndSign) / median(render),
				median(issue));
		System.out.printf("  QR symbol: ZXing's encode alone %.0f/s, encoded and read back %.0f/s; the read-back costs "
				+ "%.2f ms a certificate, %.1f%% of rendering one%n", median(encodeOnly), median(readBack),
				1000 / median(readBack) - 1000 / median(encodeOnly),
				100 * (1000 / median(readBack) - 1000 / median(encodeOnly)) / (1000 / median(render)));
	}

	private static double perSecond(Supplier<?> work) {
		long t0 = System.nanoTime();
		for (int n = 0; n < PER_ROUND; n++) {
			if (work.get() == null) {
				throw new IllegalStateException("nothing produced");
			}
		}
		return PER_ROUND / ((System.nanoTime() - t0) / 1e9);
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
