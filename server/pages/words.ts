// The applicants' words in the Convention's working languages (English, French, Spanish), for the pages
// the server renders (the request form, its confirmation, the status page). The enhancement script reads
// the few sentences it needs from the page itself (data attributes), so that it carries no dictionary.

export const LANGUAGES = { en: "English", fr: "Français", es: "Español" } as const;
export type Language = keyof typeof LANGUAGES;

const en = {
  title: "Sponsorship Programme: request sponsorship",
  intro:
    "The Convention on Cluster Munitions' Sponsorship Programme helps delegates attend its meetings. Fill in this form to request sponsorship for {{meeting}}, {{venue}}, {{start}} to {{end}}.",
  window: "Requests are taken from {{opens}} to {{closes}}.",
  closed: "This round no longer takes requests: they were taken from {{opens}} to {{closes}}.",
  notYet: "This round does not take requests yet: they will be taken from {{opens}} to {{closes}}.",
  language: "Language",
  brand: "Convention on Cluster Munitions",
  error: "Error",
  required: "required",
  noRound: "There is no round {{round}}. Check the address you were given.",
  crossSite: "This form can only be sent from its own page. Open the page again and send it from there.",
  skip: "Skip to the form",
  section: { you: "You", role: "Your role at the meeting", travel: "Travel" },
  field: {
    state: "Nominating State",
    gender: "Gender",
    name: "Full name",
    title: "Title or function",
    organisation: "Organisation",
    email: "E-mail",
    role: "Role at the meeting",
    expertise: "Areas of expertise (separated by commas)",
    operationalExpertise: "I have operational experience (clearance, stockpile destruction, victim assistance)",
    survivor: "I am a survivor or represent an affected community",
    firstParticipation: "This is my first participation in a formal meeting of the Convention",
    interestEvidence: "For signatories and States not party: evidence of interest in joining the Convention",
    justification: "Why your participation matters",
    airTicket: "Estimated air ticket (CHF)",
    acceptedLevels: "Support I would accept",
  },
  draft: {
    saved: "Draft saved on this device at {{time}}.",
    restored: "Your draft from {{time}} was restored.",
    offline: "You are offline. Your draft is kept on this device; submit it when you are back online.",
    online: "You are back online: you can submit your request now.",
    discard: "Discard the draft",
  },
  invalid: {
    summary: "There is a problem: correct the answers below.",
    state: "Choose the State that nominates you.",
    gender: "Choose an answer for gender.",
    name: "Enter your full name (at most 200 characters).",
    title: "Enter your title or function (at most 200 characters).",
    organisation: "Enter your organisation (at most 200 characters).",
    email: "Enter an e-mail address in the form name@example.org.",
    role: "Choose your role at the meeting.",
    expertise: "Enter at most 20 areas of expertise, separated by commas, each at most 100 characters.",
    interestEvidence: "Shorten the evidence of interest to at most 2'000 characters.",
    justification: "Shorten the explanation to at most 5'000 characters.",
    airTicket: "Enter the estimated air ticket in Swiss francs: a number, 0 or more.",
    acceptedLevels: "Choose at least one kind of support you would accept.",
    other: "Check this answer.",
  },
  submit: "Submit the request",
  submitted: {
    title: "Request received",
    keep: "Keep these two lines: you need both to check your request. The access code is shown only now and cannot be recovered.",
    reference: "Reference",
    code: "Access code",
    status: "Check the status",
    copy: "Copy the reference and the code",
    copied: "Copied",
    print: "Print",
  },
  status: {
    title: "Sponsorship Programme: my request",
    intro: "Enter the reference and the access code you received when you submitted your request.",
    reference: "Reference",
    code: "Access code",
    check: "Check",
    notFound: "No request with this reference and access code.",
    current: "Status",
    since: "since {{date}}",
    answer: {
      accept: "Accept the offer",
      decline: "Decline the offer",
      confirmAccept: "Accept the offer of sponsorship? The ISU will arrange your travel. You cannot change this answer here afterwards.",
      confirmDecline:
        "Decline the offer of sponsorship? Your place will be offered to another delegate. You cannot change this answer here afterwards.",
      yes: "Yes, send my answer",
      no: "Go back",
      done: "Your answer is recorded.",
      lapsed: "The deadline to answer ({{deadline}}) has passed: the offer lapsed.",
      refused: "Your answer could not be recorded: this offer no longer takes an answer. Its status is below.",
    },
  },
  newCode: {
    link: "I lost my access code",
    title: "Get a new access code",
    intro:
      "Enter your request's reference and the e-mail address you gave in it. If they match, a new access code is sent to that address; the earlier code stops working once the new one is sent.",
    reference: "Reference",
    email: "E-mail address given in the request",
    send: "Send me a new code",
    done: "If the reference and the e-mail address match a request, a new access code is on its way to that address. It can take a few minutes to arrive; check your spam folder too.",
    missing: "Enter your reference and the e-mail address given in your request.",
    back: "Back to the status page",
  },
  errors: {
    network: "The server cannot be reached. Your draft is kept on this device.",
    "rate-limited": "Too many attempts from this connection: wait a minute and try again.",
    "round-closed": "This round does not take requests now.",
    validation: "Some answers are not valid: see the fields.",
    other: "The request could not be sent. Your draft is kept on this device; try again later.",
  },
};

type Dict = typeof en;

const fr: Dict = {
  title: "Programme de parrainage : demander un parrainage",
  intro:
    "Le Programme de parrainage de la Convention sur les armes à sous-munitions aide les délégués à participer à ses réunions. Remplissez ce formulaire pour demander un parrainage pour {{meeting}}, {{venue}}, du {{start}} au {{end}}.",
  window: "Les demandes sont reçues du {{opens}} au {{closes}}.",
  closed: "Ce cycle ne reçoit plus de demandes : elles ont été reçues du {{opens}} au {{closes}}.",
  notYet: "Ce cycle ne reçoit pas encore de demandes : elles seront reçues du {{opens}} au {{closes}}.",
  language: "Langue",
  brand: "Convention sur les armes à sous-munitions",
  error: "Erreur",
  required: "obligatoire",
  noRound: "Il n'y a pas de cycle {{round}}. Vérifiez l'adresse qui vous a été donnée.",
  crossSite: "Ce formulaire ne peut être envoyé que depuis sa propre page. Ouvrez de nouveau la page et envoyez-le depuis celle-ci.",
  skip: "Aller au formulaire",
  section: { you: "Vous", role: "Votre rôle à la réunion", travel: "Voyage" },
  field: {
    state: "État qui vous désigne",
    gender: "Genre",
    name: "Nom complet",
    title: "Titre ou fonction",
    organisation: "Organisation",
    email: "Courriel",
    role: "Rôle à la réunion",
    expertise: "Domaines d'expertise (séparés par des virgules)",
    operationalExpertise: "J'ai une expérience opérationnelle (dépollution, destruction des stocks, assistance aux victimes)",
    survivor: "Je suis un survivant ou je représente une communauté touchée",
    firstParticipation: "C'est ma première participation à une réunion formelle de la Convention",
    interestEvidence: "Pour les signataires et les États non parties : preuves de l'intérêt à adhérer à la Convention",
    justification: "Pourquoi votre participation est importante",
    airTicket: "Billet d'avion estimé (CHF)",
    acceptedLevels: "Soutien que j'accepterais",
  },
  draft: {
    saved: "Brouillon enregistré sur cet appareil à {{time}}.",
    restored: "Votre brouillon de {{time}} a été restauré.",
    offline: "Vous êtes hors ligne. Votre brouillon est conservé sur cet appareil ; envoyez-le lorsque vous serez de nouveau en ligne.",
    online: "Vous êtes de nouveau en ligne : vous pouvez envoyer votre demande.",
    discard: "Supprimer le brouillon",
  },
  invalid: {
    summary: "Il y a un problème : corrigez les réponses ci-dessous.",
    state: "Choisissez l'État qui vous désigne.",
    gender: "Choisissez une réponse pour le sexe.",
    name: "Indiquez votre nom complet (200 caractères au plus).",
    title: "Indiquez votre titre ou fonction (200 caractères au plus).",
    organisation: "Indiquez votre organisation (200 caractères au plus).",
    email: "Indiquez une adresse électronique de la forme nom@exemple.org.",
    role: "Choisissez votre rôle à la réunion.",
    expertise: "Indiquez au plus 20 domaines de compétence, séparés par des virgules, de 100 caractères au plus chacun.",
    interestEvidence: "Raccourcissez la preuve d'intérêt à 2'000 caractères au plus.",
    justification: "Raccourcissez l'explication à 5'000 caractères au plus.",
    airTicket: "Indiquez le prix estimé du billet d'avion en francs suisses : un nombre, 0 ou plus.",
    acceptedLevels: "Choisissez au moins une forme de prise en charge que vous accepteriez.",
    other: "Vérifiez cette réponse.",
  },
  submit: "Envoyer la demande",
  submitted: {
    title: "Demande reçue",
    keep: "Conservez ces deux lignes : elles sont nécessaires pour consulter votre demande. Le code d'accès n'est affiché qu'une fois et ne peut pas être récupéré.",
    reference: "Référence",
    code: "Code d'accès",
    status: "Consulter l'état",
    copy: "Copier la référence et le code",
    copied: "Copiés",
    print: "Imprimer",
  },
  status: {
    title: "Programme de parrainage : ma demande",
    intro: "Saisissez la référence et le code d'accès reçus lors de l'envoi de votre demande.",
    reference: "Référence",
    code: "Code d'accès",
    check: "Consulter",
    notFound: "Aucune demande avec cette référence et ce code d'accès.",
    current: "État",
    since: "depuis le {{date}}",
    answer: {
      accept: "Accepter l'offre",
      decline: "Refuser l'offre",
      confirmAccept: "Accepter l'offre de parrainage ? L'ISU organisera votre voyage. Vous ne pourrez plus changer cette réponse ici.",
      confirmDecline:
        "Refuser l'offre de parrainage ? Votre place sera proposée à un autre délégué. Vous ne pourrez plus changer cette réponse ici.",
      yes: "Oui, envoyer ma réponse",
      no: "Revenir",
      done: "Votre réponse est enregistrée.",
      lapsed: "Le délai de réponse ({{deadline}}) est passé : l'offre a expiré.",
      refused: "Votre réponse n'a pas pu être enregistrée : cette offre n'accepte plus de réponse. Son état est indiqué ci-dessous.",
    },
  },
  newCode: {
    link: "J'ai perdu mon code d'accès",
    title: "Obtenir un nouveau code d'accès",
    intro:
      "Saisissez la référence de votre demande et l'adresse électronique que vous y avez indiquée. Si elles correspondent, un nouveau code d'accès est envoyé à cette adresse ; l'ancien code cesse de fonctionner dès l'envoi du nouveau.",
    reference: "Référence",
    email: "Adresse électronique indiquée dans la demande",
    send: "M'envoyer un nouveau code",
    done: "Si la référence et l'adresse électronique correspondent à une demande, un nouveau code d'accès est en route vers cette adresse. Il peut mettre quelques minutes à arriver ; vérifiez aussi vos courriers indésirables.",
    missing: "Saisissez votre référence et l'adresse électronique indiquée dans votre demande.",
    back: "Retour à la page de suivi",
  },
  errors: {
    network: "Le serveur est injoignable. Votre brouillon est conservé sur cet appareil.",
    "rate-limited": "Trop de tentatives depuis cette connexion : attendez une minute et réessayez.",
    "round-closed": "Ce cycle ne reçoit pas de demandes actuellement.",
    validation: "Certaines réponses ne sont pas valides : voir les champs.",
    other: "La demande n'a pas pu être envoyée. Votre brouillon est conservé sur cet appareil ; réessayez plus tard.",
  },
};

const es: Dict = {
  title: "Programa de patrocinio: solicitar patrocinio",
  intro:
    "El Programa de patrocinio de la Convención sobre Municiones en Racimo ayuda a los delegados a asistir a sus reuniones. Complete este formulario para solicitar patrocinio para {{meeting}}, {{venue}}, del {{start}} al {{end}}.",
  window: "Las solicitudes se reciben del {{opens}} al {{closes}}.",
  closed: "Este ciclo ya no recibe solicitudes: se recibieron del {{opens}} al {{closes}}.",
  notYet: "Este ciclo aún no recibe solicitudes: se recibirán del {{opens}} al {{closes}}.",
  language: "Idioma",
  brand: "Convención sobre Municiones en Racimo",
  error: "Error",
  required: "obligatorio",
  noRound: "No existe el ciclo {{round}}. Compruebe la dirección que recibió.",
  crossSite: "Este formulario solo puede enviarse desde su propia página. Vuelva a abrir la página y envíelo desde allí.",
  skip: "Ir al formulario",
  section: { you: "Usted", role: "Su función en la reunión", travel: "Viaje" },
  field: {
    state: "Estado que le designa",
    gender: "Género",
    name: "Nombre completo",
    title: "Cargo o función",
    organisation: "Organización",
    email: "Correo electrónico",
    role: "Función en la reunión",
    expertise: "Áreas de especialización (separadas por comas)",
    operationalExpertise: "Tengo experiencia operativa (limpieza, destrucción de existencias, asistencia a las víctimas)",
    survivor: "Soy sobreviviente o represento a una comunidad afectada",
    firstParticipation: "Es mi primera participación en una reunión formal de la Convención",
    interestEvidence: "Para signatarios y Estados no partes: pruebas del interés en adherirse a la Convención",
    justification: "Por qué su participación es importante",
    airTicket: "Billete de avión estimado (CHF)",
    acceptedLevels: "Apoyo que aceptaría",
  },
  draft: {
    saved: "Borrador guardado en este dispositivo a las {{time}}.",
    restored: "Se restauró su borrador de las {{time}}.",
    offline: "Está sin conexión. Su borrador se conserva en este dispositivo; envíelo cuando vuelva a estar en línea.",
    online: "Vuelve a estar en línea: ya puede enviar su solicitud.",
    discard: "Descartar el borrador",
  },
  invalid: {
    summary: "Hay un problema: corrija las respuestas de abajo.",
    state: "Elija el Estado que lo designa.",
    gender: "Elija una respuesta para el género.",
    name: "Indique su nombre completo (200 caracteres como máximo).",
    title: "Indique su cargo o función (200 caracteres como máximo).",
    organisation: "Indique su organización (200 caracteres como máximo).",
    email: "Indique una dirección de correo electrónico de la forma nombre@ejemplo.org.",
    role: "Elija su función en la reunión.",
    expertise: "Indique como máximo 20 ámbitos de especialización, separados por comas, de 100 caracteres como máximo cada uno.",
    interestEvidence: "Acorte la prueba de interés a 2'000 caracteres como máximo.",
    justification: "Acorte la explicación a 5'000 caracteres como máximo.",
    airTicket: "Indique el precio estimado del billete de avión en francos suizos: un número, 0 o más.",
    acceptedLevels: "Elija al menos una forma de apoyo que aceptaría.",
    other: "Revise esta respuesta.",
  },
  submit: "Enviar la solicitud",
  submitted: {
    title: "Solicitud recibida",
    keep: "Guarde estas dos líneas: las necesitará para consultar su solicitud. El código de acceso solo se muestra ahora y no se puede recuperar.",
    reference: "Referencia",
    code: "Código de acceso",
    status: "Consultar el estado",
    copy: "Copiar la referencia y el código",
    copied: "Copiados",
    print: "Imprimir",
  },
  status: {
    title: "Programa de patrocinio: mi solicitud",
    intro: "Introduzca la referencia y el código de acceso que recibió al enviar su solicitud.",
    reference: "Referencia",
    code: "Código de acceso",
    check: "Consultar",
    notFound: "No hay ninguna solicitud con esta referencia y este código de acceso.",
    current: "Estado",
    since: "desde el {{date}}",
    answer: {
      accept: "Aceptar la oferta",
      decline: "Rechazar la oferta",
      confirmAccept: "¿Aceptar la oferta de patrocinio? La ISU organizará su viaje. Después no podrá cambiar esta respuesta aquí.",
      confirmDecline:
        "¿Rechazar la oferta de patrocinio? Su plaza se ofrecerá a otro delegado. Después no podrá cambiar esta respuesta aquí.",
      yes: "Sí, enviar mi respuesta",
      no: "Volver",
      done: "Su respuesta ha quedado registrada.",
      lapsed: "El plazo para responder ({{deadline}}) ha vencido: la oferta caducó.",
      refused: "No se pudo registrar su respuesta: esta oferta ya no admite respuesta. Su estado se indica abajo.",
    },
  },
  newCode: {
    link: "Perdí mi código de acceso",
    title: "Obtener un nuevo código de acceso",
    intro:
      "Escriba la referencia de su solicitud y la dirección de correo electrónico que indicó en ella. Si coinciden, se envía un nuevo código de acceso a esa dirección; el código anterior deja de funcionar en cuanto se envía el nuevo.",
    reference: "Referencia",
    email: "Correo electrónico indicado en la solicitud",
    send: "Enviarme un nuevo código",
    done: "Si la referencia y el correo electrónico coinciden con una solicitud, un nuevo código de acceso va en camino a esa dirección. Puede tardar unos minutos en llegar; revise también la carpeta de correo no deseado.",
    missing: "Escriba su referencia y el correo electrónico indicado en su solicitud.",
    back: "Volver a la página de estado",
  },
  errors: {
    network: "No se puede contactar con el servidor. Su borrador se conserva en este dispositivo.",
    "rate-limited": "Demasiados intentos desde esta conexión: espere un minuto y vuelva a intentarlo.",
    "round-closed": "Este ciclo no recibe solicitudes en este momento.",
    validation: "Algunas respuestas no son válidas: vea los campos.",
    other: "No se pudo enviar la solicitud. Su borrador se conserva en este dispositivo; inténtelo más tarde.",
  },
};

export const WORDS = { en, fr, es } as const;
export type Words = Dict;

/** The language of a page: ?lang= when it names one, else the first of Accept-Language's it speaks, else English. */
export function pageLanguage(query: string | undefined, acceptLanguage: string | undefined): Language {
  if (query && query in LANGUAGES) return query as Language;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())).find(Boolean);
      return { lang: (tag ?? "").slice(0, 2).toLowerCase(), q: q ? Number(q[1]) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (wanted.find((x) => x.lang in LANGUAGES)?.lang as Language | undefined) ?? "en";
}

/** A sentence with its {{placeholders}} filled. */
export function fill(sentence: string, values: Record<string, string | number> = {}): string {
  return sentence.replace(/{{(\w+)}}/g, (_m, k: string) => String(values[k] ?? ""));
}

export { dayIn } from "../../scoring/domain/index.js";
