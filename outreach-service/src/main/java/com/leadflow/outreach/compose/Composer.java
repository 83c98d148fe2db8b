package com.leadflow.outreach.compose;

import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.email.Email;
import com.leadflow.outreach.message.MessageKind;
import com.leadflow.outreach.recipient.Recipient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.unbescape.html.HtmlEscape;

/**
 * Writes messages and outreach's few pages from Thymeleaf templates: {@code templates/mail/message.html}
 * and {@code .txt} (both parts of every email), {@code templates/sms/message.txt}, and the words of
 * each kind and language from {@code i18n/outreach_*.properties}. Values are escaped by the engine
 * in the HTML mode. Only the first name and links (status, kit, unsubscribe) are personal; no
 * clinical or insurance value is ever a template variable. So an email's two parts are rendered
 * once per kind, language and whether it carries a status link ({@link Prerendered}), and each
 * email fills in its visitor's values.
 */
public class Composer {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final OutreachProperties.Practice practice;
    private final ResourceBundleMessageSource words = new ResourceBundleMessageSource();
    private final Map<Prerendered.Slot, String> markers = markers();
    /** By kind, language and whether the email carries a status link: a few dozen at most. */
    private final Map<EmailKey, EmailParts> emails = new ConcurrentHashMap<>();

    public Composer(OutreachProperties.Practice practice) {
        this.practice = practice;
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
        words.setBasename("i18n/outreach");
        words.setDefaultEncoding(StandardCharsets.UTF_8.name());
        words.setFallbackToSystemLocale(false);
        engine.setTemplateEngineMessageSource(words);
    }

    /** @param statusUrl the visitor's status link, or null where none can be had: the message says where it was shown */
    public Email email(MessageKind kind, Recipient to, String unsubscribeUrl, String statusUrl, byte[] pdf,
            UUID messageId) {
        boolean linked = statusUrl != null && !statusUrl.isEmpty();
        EmailParts parts = emails.computeIfAbsent(new EmailKey(kind, to.locale(), linked), this::prerender);
        EnumMap<Prerendered.Slot, String> values = new EnumMap<>(Prerendered.Slot.class);
        values.put(Prerendered.Slot.FIRST_NAME, to.firstName());
        values.put(Prerendered.Slot.STATUS_URL, linked ? statusUrl : "");
        values.put(Prerendered.Slot.UNSUBSCRIBE_URL, unsubscribeUrl);
        return new Email(to.email(), parts.subject(), parts.text().fill(values, UnaryOperator.identity()),
                parts.html().fill(values, HtmlEscape::escapeHtml4Xml), unsubscribeUrl, pdf, messageId.toString());
    }

    /** The same email rendered by the engine from the templates, value by value, as it was before {@link Prerendered}: for tests and measurements. */
    Email emailFromTheTemplates(MessageKind kind, Recipient to, String unsubscribeUrl, String statusUrl, byte[] pdf,
            UUID messageId) {
        Context context = context(to.locale(), Map.of("key", kind.key(), "firstName", to.firstName(),
                "unsubscribeUrl", unsubscribeUrl, "statusUrl", statusUrl == null ? "" : statusUrl));
        String subject = words.getMessage(kind.key() + ".subject", null, to.locale());
        return new Email(to.email(), subject, engine.process("templates/mail/message.txt", context),
                engine.process("templates/mail/message.html", context), unsubscribeUrl, pdf, messageId.toString());
    }

    /** Both parts of an email as the engine writes them, with markers for the personal values. */
    private EmailParts prerender(EmailKey key) {
        Context context = context(key.locale(), Map.of("key", key.kind().key(),
                "firstName", markers.get(Prerendered.Slot.FIRST_NAME),
                "unsubscribeUrl", markers.get(Prerendered.Slot.UNSUBSCRIBE_URL),
                "statusUrl", key.linked() ? markers.get(Prerendered.Slot.STATUS_URL) : ""));
        return new EmailParts(words.getMessage(key.kind().key() + ".subject", null, key.locale()),
                Prerendered.split(engine.process("templates/mail/message.txt", context), markers),
                Prerendered.split(engine.process("templates/mail/message.html", context), markers));
    }

    private record EmailKey(MessageKind kind, Locale locale, boolean linked) {
    }

    private record EmailParts(String subject, Prerendered text, Prerendered html) {
    }

    /**
     * What the engine is given in place of each personal value when it renders a template once: letters
     * and digits that no escaping changes, random so that no template's own text contains them.
     */
    private static Map<Prerendered.Slot, String> markers() {
        String run = Long.toHexString(new SecureRandom().nextLong() | Long.MIN_VALUE);
        Map<Prerendered.Slot, String> markers = new EnumMap<>(Prerendered.Slot.class);
        for (Prerendered.Slot slot : Prerendered.Slot.values()) {
            markers.put(slot, "leadflow" + run + "slot" + slot.ordinal() + "end");
        }
        return Map.copyOf(markers);
    }

    public String text(MessageKind kind, Recipient to, String kitUrl, String statusUrl) {
        return engine.process("templates/sms/message.txt", context(to.locale(), Map.of("key", kind.key(),
                "kitUrl", kitUrl == null ? "" : kitUrl, "statusUrl", statusUrl == null ? "" : statusUrl))).strip();
    }

    public String page(String name, Locale locale, Map<String, Object> variables) {
        return engine.process("templates/page/" + name + ".html", context(locale, variables));
    }

    private Context context(Locale locale, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("lang", locale.getLanguage());
        all.put("practiceName", practice.name());
        all.put("practicePhone", practice.phone());
        all.put("practiceAddress", practice.postalAddress());
        return new Context(locale, all);
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setResolvablePatterns(java.util.Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
