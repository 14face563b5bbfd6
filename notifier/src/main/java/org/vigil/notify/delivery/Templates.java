package org.vigil.notify.delivery;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Freemarker templates for notifications: a site's template directory first, then the defaults shipped in
 * this jar ({@code org/vigil/notify/delivery/templates}). Files ending {@code .ftlh} are HTML and escape every
 * value; a broken template is a {@link DeliveryException#permanent permanent} failure naming the file and line.
 */
public final class Templates {

    private static final String DEFAULTS = "/org/vigil/notify/delivery/templates";

    private final Configuration config;

    private Templates(TemplateLoader loader) {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setTemplateLoader(loader);
        config.setDefaultEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setNumberFormat("computer");
    }

    /** The shipped defaults only. */
    public static Templates defaults() {
        return new Templates(new ClassTemplateLoader(Templates.class, DEFAULTS));
    }

    /**
     * Templates in {@code directory} override the defaults of the same name; null means none.
     *
     * @throws IllegalArgumentException when {@code directory} is not a readable directory
     */
    public static Templates withOverrides(Path directory) {
        if (directory == null) {
            return defaults();
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + ": the notification template directory does not exist"
                    + " or is not a directory");
        }
        try {
            return new Templates(new MultiTemplateLoader(new TemplateLoader[] {
                new BoundedFileTemplateLoader(directory.toFile()), new ClassTemplateLoader(Templates.class, DEFAULTS)}));
        } catch (IOException e) {
            throw new IllegalArgumentException(directory + ": cannot read the notification template directory: "
                    + e.getMessage(), e);
        }
    }

    /** Renders template {@code name} with {@code model}. */
    public String render(String name, Map<String, Object> model) throws DeliveryException {
        try {
            Template template = config.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw DeliveryException.permanent("template " + name + " not found", e);
        } catch (ParseException e) {
            throw DeliveryException.permanent("template " + e.getTemplateName() + ", line " + e.getLineNumber()
                    + ": " + e.getEditorMessage(), e);
        } catch (TemplateException e) {
            throw DeliveryException.permanent("template " + e.getTemplateSourceName() + ", line " + e.getLineNumber()
                    + ": " + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw DeliveryException.permanent("template " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    /** The largest template file read. */
    static final long MAX_TEMPLATE_BYTES = 1L << 20;

    /** Freemarker's file loader, reading each template with a ceiling. */
    private static final class BoundedFileTemplateLoader extends FileTemplateLoader {
        BoundedFileTemplateLoader(java.io.File dir) throws IOException {
            super(dir);
        }

        @Override
        public java.io.Reader getReader(Object source, String encoding) throws IOException {
            return new java.io.InputStreamReader(org.vigil.config.main.BoundedInput.open(((java.io.File) source)
                    .toPath(), MAX_TEMPLATE_BYTES), encoding);
        }
    }
}
