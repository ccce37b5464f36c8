package org.sevahub.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;


import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application as {@link SevaHubTest} has it, with citizens' notifications on, e-mail going to a real
 * SMTP server ({@link TestMailServer}), and one DLT registration that no SevaHub text fits (Tamil, whose texts
 * the bundles do not have: a Tamil citizen's SMS comes out in English and must not go under it). Every class
 * annotated so shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SevaHubTest
@Import(TestMailServer.class)
@TestPropertySource(properties = { "sevahub.notify.enabled=true", "spring.mail.host=127.0.0.1",
		"sevahub.notify.sms.templates.submitted.ta.id=1107170000000001099",
		"sevahub.notify.sms.templates.submitted.ta.content=SevaHub: விண்ணப்பம் {#var#} பெறப்பட்டது. {#var#} க்குள் முடிவு. {#url#}" })
public @interface NotifyingSevaHubTest {
}
