import type { DemoTexts } from './en.ts';

export const es: DemoTexts = {
  'shop.tagline': 'Tienda de demostración: solo tarjetas de prueba, no se cobra nada.',
  'skip': 'Ir al contenido',
  'nav.label': 'Tienda',
  'nav.shop': 'Tienda',
  'nav.cart': 'Cesta',
  'nav.account': 'Tu cuenta',
  'nav.deposits': 'Depósitos',
  'nav.language': 'Idioma',

  'title.shop': 'Bolso tote de lino',
  'title.cart': 'Tu cesta',
  'title.checkout': 'Pago',
  'title.account': 'Tu cuenta',
  'title.return': 'Tu pedido',
  'title.deposits': 'Tus depósitos',
  'title.notFound': 'Página no encontrada',

  'product.tote.name': 'Bolso tote de lino',
  'product.tote.description':
    'Tejido con lino europeo, con asas largas y un bolsillo interior: para el mercado, la biblioteca o la playa.',
  'product.tote.image': 'Un bolso tote de lino color natural con dos asas largas',
  'product.matcha.name': 'Set de té matcha',
  'product.matcha.description': 'Un cuenco de cerámica, un batidor de bambú y 40\u00a0g de matcha ceremonial de Uji.',
  'product.matcha.image': 'Un cuenco de té de cerámica verde con un batidor de bambú',
  'product.price': '{price} sin IVA',
  'product.quantity': 'Cantidad',
  'product.add': 'Añadir a la cesta',

  'summary.title': 'Resumen del pedido',
  'summary.items': 'Artículos',
  'summary.subtotal': 'Subtotal (sin IVA)',
  'summary.shipping': 'Envío',
  'summary.tax': 'IVA ({rate})',
  'summary.total': 'Total',

  'cart.checkout': 'Ir al pago',
  'cart.continue': 'Seguir comprando',

  'checkout.order': 'Tu pedido',
  'checkout.payment': 'Pago',
  'checkout.paymentN': 'Pago {n}',
  'checkout.edit': 'Modificar la cesta',

  'account.shop.title': 'Tu cuenta en la tienda',
  'account.shop.signedIn': 'Has iniciado sesión en la tienda como {email}.',
  'account.shop.intro':
    '¿Es tu primera vez con Purse? Primero da tu correo electrónico a la tienda: solo se crea una cuenta Express Checkout para el correo que la tienda tiene de ti. (¿Ya tienes una? Vincúlala abajo sin este paso.)',
  'account.shop.email': 'Correo electrónico de tu cuenta en la tienda',
  'account.shop.create': 'Crear cuenta en la tienda',
  'account.shop.invalid': 'Introduce un correo electrónico válido, por ejemplo nombre@example.com.',
  'account.shop.failed': 'No se ha podido guardar la cuenta. Vuelve a intentarlo.',
  'account.xco': 'Paga más rápido con Purse',
  'account.done.created': 'Se ha creado tu cuenta Express Checkout.',
  'account.done.linked': 'Tu cuenta Express Checkout está vinculada.',
  'account.done.continue': 'Continuar al pago',
  'account.linked.continue': 'Continuar al pago con tu cuenta vinculada',

  'inbox.title': 'Bandeja de entrada de prueba',
  'inbox.hint':
    'Con el servidor simulado, los códigos de un solo uso no se envían: léelos aquí (o en el terminal donde se ejecuta npm start). Cuentas de ejemplo: {accounts}.',
  'inbox.field': 'Códigos enviados a (correo o teléfono)',
  'inbox.read': 'Leer el último código',
  'inbox.code': 'Último código: {code}',
  'inbox.none': 'No se ha enviado ningún código a este correo o número de teléfono.',

  'order.status': 'Estado del pago',
  'order.bought': 'Lo que has comprado',
  'order.thanks': 'Gracias por tu pedido. Te escribiremos cuando salga.',
  'order.continue': 'Seguir comprando',

  'deposits.region': 'Cuenta de depósito',
  'wallet.title': 'Monedero de prueba',
  'wallet.hint': 'Con el servidor simulado no interviene ninguna blockchain: envíate un depósito aquí.',
  'wallet.amount': 'Importe',
  'wallet.currency': 'Moneda',
  'wallet.send': 'Enviar un depósito',
  'wallet.sent': '{amount} {currency} enviado: la página lo mostrará en su próxima actualización.',
  'wallet.refused': 'El servidor simulado ha rechazado este depósito.',

  'notFound.body': 'No hay ninguna página en esta dirección.',
};
