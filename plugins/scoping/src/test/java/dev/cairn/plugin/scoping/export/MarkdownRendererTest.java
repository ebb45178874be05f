package dev.cairn.plugin.scoping.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.plugin.scoping.export.ScopingReport.Block;
import dev.cairn.plugin.scoping.export.ScopingReport.Bullets;
import dev.cairn.plugin.scoping.export.ScopingReport.Field;
import dev.cairn.plugin.scoping.export.ScopingReport.Section;
import dev.cairn.plugin.scoping.export.ScopingReport.Text;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The Markdown export read back by a real CommonMark parser: the only structure in it is the
 * renderer's own (headings, labelled paragraphs, lists), and every field comes back as its text.
 */
class MarkdownRendererTest {

    /** Each of these, written into a field, once forged structure or lost characters. */
    static final List<String> HOSTILE = List.of(
            "a lone carriage return\r# starts a heading",
            "a field above a line of equals signs\n===",
            "a field above a line of dashes\n---",
            "# not a heading",
            "###### nor this ######",
            "> not a block quote",
            "- not a list\n+ nor this\n* nor this",
            "1. not an ordered list\n2) nor this",
            "```\nnot a code block\n```",
            "~~~java\nnor this",
            "    four spaces are not a code block",
            "a line\n    then an indented line\n\tand a tab",
            "<img src=x onerror=alert(1)>",
            "<div>\nan HTML block\n</div>",
            "<!-- a comment --> and <script>alert(1)</script>",
            "**not bold** _nor italic_ `nor code` [nor a link](http://x.example) ![nor an image](x.png) <http://x.example>",
            "a backslash \\ in the middle and one at the end\\",
            "&amp; stays &amp; and &#35; stays &#35;",
            "crlf\r\nline",
            "unicode\u2028line\u2029separators\u0085and next line",
            "| a | b |\n|---|---|\n| c | d |",
            "trailing spaces  \nbefore a line break",
            "a first paragraph\n\nand a blank line before a second",
            "[ref]: http://x.example \"a link reference definition\"",
            "***",
            "_ _ _",
            "a heading's closing # signs #",
            "=not an underline",
            "-5 degrees, +3 points",
            "1.5 days and 2024. Then 12) and 1234567890. too",
            "~~not struck~~ and :emoji: and $math$");

    @Test
    void fieldsTextsAndListItemsComeBackAsTheirTextAndAddNoStructure() {
        List<Block> fields = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            fields.add(new Field("Field " + i, HOSTILE.get(i)));
        }
        ScopingReport report = new ScopingReport("Scoping: # Churn <b>*1*</b> #", List.of("Project CH-1 · revision 3", "> exported"),
                List.of(new Section("Fields", fields), new Section("Texts", HOSTILE.stream().<Block>map(Text::new).toList()),
                        new Section("Lists", List.of(new Bullets(HOSTILE)))));

        Node document = Parser.builder().build().parse(MarkdownRenderer.render(report));

        List<Node> blocks = children(document);
        int expectedBlocks = 1 + 1 + 1 + HOSTILE.size() + 1 + HOSTILE.size() + 1 + 1;
        assertThat(blocks).as("title, subtitle, and per section its heading and blocks").hasSize(expectedBlocks);
        assertThat(blocks.stream().filter(Heading.class::isInstance)).as("exactly the renderer's headings").hasSize(4);
        assertThat(text(blocks.get(0))).isEqualTo("Scoping: # Churn <b>*1*</b> #");
        assertThat(text(blocks.get(1))).isEqualTo("Project CH-1 · revision 3\n> exported");

        int at = 2;
        assertThat(heading(blocks.get(at++))).isEqualTo("Fields");
        for (int i = 0; i < HOSTILE.size(); i++) {
            Node paragraph = blocks.get(at++);
            assertThat(paragraph).isInstanceOf(Paragraph.class);
            Node label = paragraph.getFirstChild();
            assertThat(label).isInstanceOf(StrongEmphasis.class);
            assertThat(childrenText(label)).isEqualTo("Field " + i + ":");
            assertThat(textAfter(label)).as("field %d", i).isEqualTo(" " + asWritten(HOSTILE.get(i)));
        }
        assertThat(heading(blocks.get(at++))).isEqualTo("Texts");
        for (String hostile : HOSTILE) {
            Node paragraph = blocks.get(at++);
            assertThat(paragraph).as(hostile).isInstanceOf(Paragraph.class);
            assertThat(text(paragraph)).isEqualTo(asWritten(hostile));
        }
        assertThat(heading(blocks.get(at++))).isEqualTo("Lists");
        Node list = blocks.get(at);
        assertThat(list).isInstanceOf(BulletList.class);
        List<Node> items = children(list);
        assertThat(items).hasSize(HOSTILE.size());
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertThat(items.get(i)).isInstanceOf(ListItem.class);
            assertThat(children(items.get(i))).as(HOSTILE.get(i)).singleElement().isInstanceOf(Paragraph.class);
            assertThat(text(items.get(i).getFirstChild())).isEqualTo(asWritten(HOSTILE.get(i)));
        }
    }

    @Test
    void numbersAndOrdinaryPunctuationAreWrittenWithoutEscapes() {
        String markdown = MarkdownRenderer.render(new ScopingReport("Scoping: Churn", List.of(), List.of(new Section("Value", List.of(
                new Field("Estimated value", "650000.0 EUR"), new Field("Effort", ReportNumbers.format(1234567.5) + " person-days"),
                new Field("Note", "Costs fell 12.5% (from 3,000 to 2,625): good news!"))))));

        assertThat(markdown).contains("**Estimated value:** 650000.0 EUR\n", "**Effort:** 1,234,567.5 person-days\n",
                "**Note:** Costs fell 12.5% (from 3,000 to 2,625): good news!\n");
    }

    @Test
    void anEmptyFieldShowsADash() {
        Node document = Parser.builder().build().parse(MarkdownRenderer.render(new ScopingReport("T", List.of(),
                List.of(new Section("S", List.of(new Field("Empty", "  \n "), new Field("Missing", null)))))));

        assertThat(children(document).stream().filter(Paragraph.class::isInstance).map(p -> textAfter(p.getFirstChild())))
                .containsExactly(" —", " —");
    }

    /** What a field should read as: line breaks of any kind are line breaks, surrounding whitespace is not content. */
    static String asWritten(String text) {
        return text.strip().replaceAll("\\R", "\n");
    }

    private static String heading(Node node) {
        assertThat(node).isInstanceOf(Heading.class);
        return text(node);
    }

    private static List<Node> children(Node parent) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        return children;
    }

    private static String textAfter(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node next = node.getNext(); next != null; next = next.getNext()) {
            out.append(text(next));
        }
        return out.toString();
    }

    /** The node's text; anything but plain text and line breaks (emphasis, code, links, HTML) fails the test. */
    static String text(Node node) {
        return switch (node) {
            case org.commonmark.node.Text text -> text.getLiteral();
            case HardLineBreak ignored -> "\n";
            case SoftLineBreak ignored -> "\n";
            case Heading heading -> childrenText(heading);
            case Paragraph paragraph -> childrenText(paragraph);
            default -> throw new AssertionError("unexpected " + node.getClass().getSimpleName() + " in " + node.getParent());
        };
    }

    private static String childrenText(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            out.append(text(child));
        }
        return out.toString();
    }
}
