/**
 * The local operator: one organisation, or exceptionally several sharing its functions, chosen
 * by consensus of the partners, the local steering committee's chair and ASTREES; it keeps the advance
 * fund and the operating account in two dedicated bank accounts.
 */
package org.alize.basin.operator;
