// The applicants' pages in the Convention's working languages (English, French, Spanish): i18next with
// the browser's language by default, switchable; zod's own messages follow the language.
import i18n from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";
import { z } from "zod";

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
  gender: { F: "Woman", M: "Man", X: "Other or prefer not to say" },
  role: {
    none: "Participant",
    "art4-extension": "Presenting an Article 4 extension request",
    presenter: "Presenter",
    panellist: "Panellist",
    coordinator: "Coordinator",
    statement: "Delivering a statement",
  },
  level: { full: "Full (ticket and daily allowance)", ticket: "Air ticket only", allowance: "Daily allowance only" },
  draft: {
    saved: "Draft saved on this device at {{time}}.",
    restored: "Your draft from {{time}} was restored.",
    offline: "You are offline. Your draft is kept on this device; submit it when you are back online.",
    online: "You are back online: you can submit your request now.",
    discard: "Discard the draft",
  },
  submit: "Submit the request",
  submitted: {
    title: "Request received",
    keep: "Keep these two lines: you need both to check your request. The access code is shown only now and cannot be recovered.",
    reference: "Reference",
    code: "Access code",
    status: "Check the status",
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
    value: {
      submitted: "submitted",
      "under-review": "under review",
      withdrawn: "withdrawn",
      ineligible: "not eligible",
      funded: "offered sponsorship",
      waitlisted: "on the waiting list",
      "not-funded": "not sponsored",
      accepted: "offer accepted",
      declined: "offer declined",
      expired: "offer lapsed",
      travelled: "travelled",
      "no-show": "did not travel",
      cancelled: "travel cancelled",
    },
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
    },
    reason: {
      submitted: "Your request has been received and will be reviewed.",
      "under-review": "Your request is being reviewed.",
      withdrawn: "Your request was withdrawn.",
      ineligible: "Your request does not meet the conditions of the Programme.",
      funded: "You are offered sponsorship ({{level}}). Please answer by {{deadline}}.",
      waitlisted: "You are on the waiting list: an offer may follow if a sponsored delegate cannot travel.",
      "not-funded": "The money available and the Programme's rules did not allow sponsoring your request this time.",
      accepted: "You accepted the offer.",
      declined: "You declined the offer.",
      expired: "The offer was not accepted by its deadline.",
      travelled: "You travelled to the meeting with the Programme's sponsorship.",
      "no-show": "You accepted the offer but did not travel.",
      cancelled: "Your sponsored travel was cancelled after you accepted the offer.",
    },
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
  gender: { F: "Femme", M: "Homme", X: "Autre ou ne souhaite pas répondre" },
  role: {
    none: "Participant",
    "art4-extension": "Présentation d'une demande de prolongation au titre de l'article 4",
    presenter: "Présentateur",
    panellist: "Panéliste",
    coordinator: "Coordinateur",
    statement: "Déclaration",
  },
  level: {
    full: "Complet (billet et indemnité journalière)",
    ticket: "Billet d'avion seulement",
    allowance: "Indemnité journalière seulement",
  },
  draft: {
    saved: "Brouillon enregistré sur cet appareil à {{time}}.",
    restored: "Votre brouillon de {{time}} a été restauré.",
    offline: "Vous êtes hors ligne. Votre brouillon est conservé sur cet appareil ; envoyez-le lorsque vous serez de nouveau en ligne.",
    online: "Vous êtes de nouveau en ligne : vous pouvez envoyer votre demande.",
    discard: "Supprimer le brouillon",
  },
  submit: "Envoyer la demande",
  submitted: {
    title: "Demande reçue",
    keep: "Conservez ces deux lignes : elles sont nécessaires pour consulter votre demande. Le code d'accès n'est affiché qu'une fois et ne peut pas être récupéré.",
    reference: "Référence",
    code: "Code d'accès",
    status: "Consulter l'état",
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
    value: {
      submitted: "reçue",
      "under-review": "en cours d'examen",
      withdrawn: "retirée",
      ineligible: "non éligible",
      funded: "parrainage proposé",
      waitlisted: "sur la liste d'attente",
      "not-funded": "non parrainée",
      accepted: "offre acceptée",
      declined: "offre refusée",
      expired: "offre expirée",
      travelled: "voyage effectué",
      "no-show": "voyage non effectué",
      cancelled: "voyage annulé",
    },
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
    },
    reason: {
      submitted: "Votre demande a été reçue et sera examinée.",
      "under-review": "Votre demande est en cours d'examen.",
      withdrawn: "Votre demande a été retirée.",
      ineligible: "Votre demande ne remplit pas les conditions du Programme.",
      funded: "Un parrainage vous est proposé ({{level}}). Merci de répondre avant le {{deadline}}.",
      waitlisted: "Vous êtes sur la liste d'attente : une offre pourrait suivre si un délégué parrainé ne peut pas voyager.",
      "not-funded": "Les fonds disponibles et les règles du Programme n'ont pas permis de parrainer votre demande cette fois-ci.",
      accepted: "Vous avez accepté l'offre.",
      declined: "Vous avez décliné l'offre.",
      expired: "L'offre n'a pas été acceptée avant sa date limite.",
      travelled: "Vous avez participé à la réunion grâce au parrainage du Programme.",
      "no-show": "Vous avez accepté l'offre mais n'avez pas voyagé.",
      cancelled: "Votre voyage parrainé a été annulé après l'acceptation de l'offre.",
    },
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
  gender: { F: "Mujer", M: "Hombre", X: "Otro o prefiere no decirlo" },
  role: {
    none: "Participante",
    "art4-extension": "Presentación de una solicitud de prórroga del artículo 4",
    presenter: "Presentador",
    panellist: "Panelista",
    coordinator: "Coordinador",
    statement: "Declaración",
  },
  level: { full: "Completo (billete y dietas)", ticket: "Solo billete de avión", allowance: "Solo dietas" },
  draft: {
    saved: "Borrador guardado en este dispositivo a las {{time}}.",
    restored: "Se restauró su borrador de las {{time}}.",
    offline: "Está sin conexión. Su borrador se conserva en este dispositivo; envíelo cuando vuelva a estar en línea.",
    online: "Vuelve a estar en línea: ya puede enviar su solicitud.",
    discard: "Descartar el borrador",
  },
  submit: "Enviar la solicitud",
  submitted: {
    title: "Solicitud recibida",
    keep: "Guarde estas dos líneas: las necesitará para consultar su solicitud. El código de acceso solo se muestra ahora y no se puede recuperar.",
    reference: "Referencia",
    code: "Código de acceso",
    status: "Consultar el estado",
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
    value: {
      submitted: "recibida",
      "under-review": "en examen",
      withdrawn: "retirada",
      ineligible: "no admisible",
      funded: "patrocinio ofrecido",
      waitlisted: "en la lista de espera",
      "not-funded": "no patrocinada",
      accepted: "oferta aceptada",
      declined: "oferta rechazada",
      expired: "oferta caducada",
      travelled: "viaje realizado",
      "no-show": "viaje no realizado",
      cancelled: "viaje cancelado",
    },
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
    },
    reason: {
      submitted: "Su solicitud se ha recibido y será examinada.",
      "under-review": "Su solicitud está en examen.",
      withdrawn: "Su solicitud fue retirada.",
      ineligible: "Su solicitud no cumple las condiciones del Programa.",
      funded: "Se le ofrece patrocinio ({{level}}). Responda antes del {{deadline}}.",
      waitlisted: "Está en la lista de espera: podría recibir una oferta si un delegado patrocinado no puede viajar.",
      "not-funded": "Los fondos disponibles y las reglas del Programa no permitieron patrocinar su solicitud esta vez.",
      accepted: "Aceptó la oferta.",
      declined: "Rechazó la oferta.",
      expired: "La oferta no se aceptó antes de su plazo.",
      travelled: "Usted viajó a la reunión con el patrocinio del Programa.",
      "no-show": "Usted aceptó la oferta pero no viajó.",
      cancelled: "Su viaje patrocinado se canceló después de aceptar la oferta.",
    },
  },
  errors: {
    network: "No se puede contactar con el servidor. Su borrador se conserva en este dispositivo.",
    "rate-limited": "Demasiados intentos desde esta conexión: espere un minuto y vuelva a intentarlo.",
    "round-closed": "Este ciclo no recibe solicitudes en este momento.",
    validation: "Algunas respuestas no son válidas: vea los campos.",
    other: "No se pudo enviar la solicitud. Su borrador se conserva en este dispositivo; inténtelo más tarde.",
  },
};

export const RESOURCES = { en, fr, es } as const;

/** zod's messages in the page's language (the schemas are the server's). */
export function setZodLanguage(lang: string): void {
  const l = lang.slice(0, 2);
  z.config(l === "fr" ? z.locales.fr() : l === "es" ? z.locales.es() : z.locales.en());
}

export function initI18n(): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n
      .use(LanguageDetector)
      .use(initReactI18next)
      .init({
        resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } },
        supportedLngs: ["en", "fr", "es"],
        nonExplicitSupportedLngs: true,
        fallbackLng: "en",
        interpolation: { escapeValue: false },
        detection: { order: ["querystring", "localStorage", "navigator"], lookupQuerystring: "lang", caches: ["localStorage"] },
      });
    setZodLanguage(i18n.language ?? "en");
    i18n.on("languageChanged", (l) => {
      setZodLanguage(l);
      document.documentElement.lang = l.slice(0, 2);
    });
    document.documentElement.lang = (i18n.language ?? "en").slice(0, 2);
  }
  return i18n;
}
