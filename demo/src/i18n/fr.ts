import type { DemoTexts } from './en.ts';

export const fr: DemoTexts = {
  'shop.tagline': 'Boutique de démonstration\u00a0: cartes de test uniquement, rien n’est débité.',
  'skip': 'Aller au contenu',
  'nav.label': 'Boutique',
  'nav.shop': 'Boutique',
  'nav.cart': 'Panier',
  'nav.account': 'Votre compte',
  'nav.deposits': 'Dépôts',
  'nav.language': 'Langue',

  'title.shop': 'Sac cabas en lin',
  'title.cart': 'Votre panier',
  'title.checkout': 'Paiement',
  'title.account': 'Votre compte',
  'title.return': 'Votre commande',
  'title.deposits': 'Vos dépôts',
  'title.notFound': 'Page introuvable',

  'product.tote.name': 'Sac cabas en lin',
  'product.tote.description':
    'Tissé en lin européen, avec de longues anses et une poche intérieure\u00a0: pour le marché, la bibliothèque ou la plage.',
  'product.tote.image': 'Un sac cabas en lin écru avec deux longues anses',
  'product.matcha.name': 'Coffret matcha',
  'product.matcha.description': 'Un bol en céramique, un fouet en bambou et 40\u00a0g de matcha de cérémonie d’Uji.',
  'product.matcha.image': 'Un bol à thé en céramique verte avec un fouet en bambou',
  'product.price': '{price} HT',
  'product.quantity': 'Quantité',
  'product.add': 'Ajouter au panier',

  'summary.title': 'Récapitulatif de la commande',
  'summary.items': 'Articles',
  'summary.subtotal': 'Sous-total HT',
  'summary.shipping': 'Livraison',
  'summary.tax': 'TVA ({rate})',
  'summary.total': 'Total',

  'cart.checkout': 'Passer au paiement',
  'cart.continue': 'Continuer mes achats',

  'checkout.order': 'Votre commande',
  'checkout.payment': 'Paiement',
  'checkout.paymentN': 'Paiement {n}',
  'checkout.edit': 'Modifier le panier',

  'account.shop.title': 'Votre compte client',
  'account.shop.signedIn': 'Connecté à la boutique en tant que {email}.',
  'account.shop.intro':
    'Nouveau sur Purse\u00a0? Donnez d’abord votre e-mail à la boutique\u00a0: un compte Express Checkout n’est créé que pour l’e-mail que la boutique connaît. (Vous en avez déjà un\u00a0? Associez-le ci-dessous sans cette étape.)',
  'account.shop.email': 'E-mail de votre compte client',
  'account.shop.create': 'Créer mon compte client',
  'account.shop.invalid': 'Saisissez une adresse e-mail valide, par exemple nom@example.com.',
  'account.shop.failed': 'Le compte n’a pas pu être enregistré. Veuillez réessayer.',
  'account.xco': 'Payez plus vite avec Purse',
  'account.done.created': 'Votre compte Express Checkout a été créé.',
  'account.done.linked': 'Votre compte Express Checkout est associé.',
  'account.done.continue': 'Continuer vers le paiement',
  'account.linked.continue': 'Continuer vers le paiement avec votre compte lié',

  'inbox.title': 'Boîte de réception simulée',
  'inbox.hint':
    'Avec le serveur simulé, les codes à usage unique ne sont pas envoyés\u00a0: lisez-les ici (ou dans le terminal où tourne npm start). Comptes préenregistrés\u00a0: {accounts}.',
  'inbox.field': 'Codes envoyés à (e-mail ou téléphone)',
  'inbox.read': 'Lire le dernier code',
  'inbox.code': 'Dernier code\u00a0: {code}',
  'inbox.none': 'Aucun code n’a été envoyé à cet e-mail ou ce numéro.',

  'order.status': 'État du paiement',
  'order.bought': 'Vos achats',
  'order.thanks': 'Merci pour votre commande. Nous vous écrirons dès son expédition.',
  'order.continue': 'Continuer mes achats',

  'deposits.region': 'Compte de dépôt',
  'wallet.title': 'Portefeuille simulé',
  'wallet.hint': 'Avec le serveur simulé, aucune blockchain n’intervient\u00a0: envoyez-vous un dépôt ici.',
  'wallet.amount': 'Montant',
  'wallet.currency': 'Devise',
  'wallet.send': 'Envoyer un dépôt',
  'wallet.sent': '{amount} {currency} envoyé\u00a0: la page l’affichera à sa prochaine mise à jour.',
  'wallet.refused': 'Le serveur simulé a refusé ce dépôt.',

  'notFound.body': 'Il n’y a aucune page à cette adresse.',
};
