package org.vigil.web.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.model.CommentView;

/** {@code /comments}: the comments of the kinds chosen, the kind filter, and how many others are left out. */
public final class CommentsView extends PageView {

    private final List<CommentView> comments;
    private final Set<String> types;
    private final int hidden;

    CommentsView(PageContext ctx, List<CommentView> comments, Set<String> types, int hidden) {
        super("comments.ftlh", ctx, "Comments", "comments");
        this.comments = List.copyOf(comments);
        this.types = Set.copyOf(types);
        this.hidden = hidden;
    }

    public List<CommentView> getComments() {
        return comments;
    }

    /** The kinds ({@code user}...) and whether each is shown, for the filter's check boxes. */
    public Map<String, Boolean> getKinds() {
        Map<String, Boolean> m = new java.util.LinkedHashMap<>();
        CommentsPage.KINDS.forEach((key, type) -> m.put(key, types.contains(type)));
        return m;
    }

    /** How many comments the user may see are left out by the kinds chosen. */
    public int getHidden() {
        return hidden;
    }
}
