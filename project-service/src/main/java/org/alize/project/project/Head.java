package org.alize.project.project;

/** The SME's head, who signs the cooperation convention. */
public record Head(String firstName, String lastName, String email, String phone) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
