import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build step (see reports/pom.xml): compiles every {@code *.jrxml} in the source folder to {@code *.jasper} in the
 * target folder, failing the build on the first template that does not compile.
 *
 * <p>Usage: {@code java -cp <class path> CompileTemplates.java <jrxml folder> <jasper folder>}
 */
public final class CompileTemplates {

    public static void main(String[] args) throws IOException, JRException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        List<Path> templates;
        try (Stream<Path> files = Files.list(source)) {
            templates = files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList();
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no .jrxml templates in " + source);
        }
        for (Path template : templates) {
            String name = template.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
            JasperCompileManager.compileReportToFile(template.toString(), target.resolve(name).toString());
            System.out.println("[templates] compiled " + template.getFileName() + " -> " + name);
        }
    }
}
