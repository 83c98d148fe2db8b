package com.leadflow.outreach.compose;

import com.leadflow.outreach.config.OutreachProperties;
import com.leadflow.outreach.email.Email;
import com.leadflow.outreach.message.MessageKind;
import com.leadflow.outreach.recipient.Recipient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes messages and outreach's few pages from Thymeleaf templates: {@code templates/mail/message.html}
 * and {@code .txt} (both parts of every email), {@code templates/sms/message.txt}, and the words of
 * each kind and language from {@code i18n/outreach_*.properties}. Values are escaped by the engine
 * in the HTML mode. Only the first name and links (status, kit, unsubscribe) are personal; no
 * clinical or insurance value is ever a template variable.
 */
public class Composer {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final OutreachProperties.Practice practice;
    private final ResourceBundleMessageSource words = new ResourceBundleMessageSource();

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
        Context context = context(to.locale(), Map.of("key", kind.key(), "firstName", to.firstName(),
                "unsubscribeUrl", unsubscribeUrl, "statusUrl", statusUrl == null ? "" : statusUrl));
        String subject = words.getMessage(kind.key() + ".subject", null, to.locale());
        return new Email(to.email(), subject, engine.process("templates/mail/message.txt", context),
                engine.process("templates/mail/message.html", context), unsubscribeUrl, pdf, messageId.toString());
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
