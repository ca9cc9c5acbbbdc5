package org.scplan.optimizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reads the checkout's pom.xml files with the JDK's XML parser, for the build-convention tests. */
final class Poms {
  private Poms() {}

  /** One {@code <dependency>} element. */
  record Dependency(String groupId, String artifactId, String version, String scope) {
    String key() {
      return groupId + ":" + artifactId;
    }
  }

  /** The root of the checkout: the parent of this module's directory. */
  static Path root() {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path root = module.getParent();
    if (root == null || !Files.isRegularFile(root.resolve("pom.xml"))) {
      throw new IllegalStateException("no parent pom.xml above " + module);
    }
    return root;
  }

  static Element read(Path pom) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(pom.toFile());
      return document.getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("cannot read " + pom + ": " + e, e);
    }
  }

  /** The element's direct children named {@code name}. */
  static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        result.add(e);
      }
    }
    return result;
  }

  static Optional<Element> child(Element parent, String name) {
    return children(parent, name).stream().findFirst();
  }

  static String text(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().trim()).orElse(null);
  }

  /** The {@code <dependency>} children of {@code <dependencies>} under {@code parent}. */
  static List<Dependency> dependencies(Element parent) {
    List<Dependency> result = new ArrayList<>();
    child(parent, "dependencies")
        .ifPresent(
            deps -> {
              for (Element d : children(deps, "dependency")) {
                result.add(
                    new Dependency(
                        text(d, "groupId"),
                        text(d, "artifactId"),
                        text(d, "version"),
                        text(d, "scope")));
              }
            });
    return result;
  }

  /** The project's direct dependencies (not its dependencyManagement). */
  static List<Dependency> directDependencies(Element project) {
    return dependencies(project);
  }

  /** The entries of the project's dependencyManagement. */
  static List<Dependency> managedDependencies(Element project) {
    return child(project, "dependencyManagement").map(Poms::dependencies).orElse(List.of());
  }

  /** A property of the project's {@code <properties>}. */
  static String property(Element project, String name) {
    return child(project, "properties").map(p -> text(p, name)).orElse(null);
  }
}
